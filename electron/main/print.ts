import { BrowserWindow, type WebContents } from 'electron';
import { AppError } from '../core/errors.js';
import { checkPrinter, paperFailure, printerState } from '../core/print/failure.js';
import type { Printer } from '../core/print/service.js';
import type { HostServices } from '../core/port/core-client.js';
import { FONTS_READY_SCRIPT, FONTS_TIMEOUT_MS, paperPrintOptions, PDF_OPTIONS } from './print-options.js';

/**
 * Printed forms in Electron, served to the core process over its port: a hidden, sandboxed
 * window loads the self-contained print page from a data: URL (nothing is written to disk,
 * since the page holds personal data; its own CSP allows no script and no network), waits
 * for its fonts, then Chromium's print engine makes the PDF or drives the printer.
 */
async function withPrintWindow<T>(html: string, fn: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    // Bounded: fonts are data: URLs and load in milliseconds; a page that never settles still prints.
    await Promise.race([win.webContents.executeJavaScript(FONTS_READY_SCRIPT, true).catch(() => undefined), new Promise((r) => setTimeout(r, FONTS_TIMEOUT_MS))]);
    return await fn(win);
  } finally {
    win.destroy();
  }
}

async function listPrinters(contents: () => WebContents | null): Promise<Printer[]> {
  const wc = contents();
  if (!wc) return [];
  const infos = await wc.getPrintersAsync();
  return infos.map((p) => {
    const options = p.options as Record<string, string> | undefined;
    return { name: p.name, displayName: p.displayName || p.name, state: printerState(options) };
  });
}

export function printHost(contents: () => WebContents | null): Pick<HostServices, 'print.pdf' | 'print.paper' | 'print.printers'> {
  return {
    'print.pdf': async ({ html }) => withPrintWindow(html, async (win) => ({ pdf: new Uint8Array(await win.webContents.printToPDF(PDF_OPTIONS)) })),
    'print.printers': async () => ({ printers: await listPrinters(contents) }),
    'print.paper': async ({ html, printer, silent }) => {
      const problem = checkPrinter(await listPrinters(contents), printer);
      if (problem) throw new AppError(problem);
      return withPrintWindow(
        html,
        (win) =>
          new Promise((resolve, reject) => {
            win.webContents.print(paperPrintOptions({ printer, silent }), (ok, reason) => {
              if (ok) return resolve({ outcome: 'printed' });
              const failure = paperFailure(reason);
              if (failure === 'cancelled') resolve({ outcome: 'cancelled' });
              else reject(new AppError(failure));
            });
          }),
      );
    },
  };
}
