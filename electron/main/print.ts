import { BrowserWindow } from 'electron';
import type { PrintService } from '../core/print/service.js';

/**
 * Printed forms in Electron: a hidden, sandboxed window with JavaScript off loads the
 * self-contained print page from a data: URL (nothing is written to disk, since the page holds
 * personal data), then Chromium's print engine makes the PDF or drives the printer.
 */
async function withPrintWindow<T>(html: string, fn: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await fn(win);
  } finally {
    win.destroy();
  }
}

export const electronPrintService: PrintService = {
  toPdf: (html) =>
    withPrintWindow(html, async (win) => win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })),
  print: (html) =>
    withPrintWindow(
      html,
      (win) =>
        new Promise<void>((resolve, reject) => {
          win.webContents.print({ silent: false, printBackground: true }, (ok, reason) => (ok || reason === 'cancelled' ? resolve() : reject(new Error(reason))));
        }),
    ),
};
