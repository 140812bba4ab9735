import type { PaperJob } from '../core/print/service.js';

/** A4 in microns: without an explicit size, silent printing gives blank pages on some Linux and Windows drivers. */
export const A4_MICRONS = { width: 210_000, height: 297_000 } as const;

/** The options for webContents.print (no Electron import, so they are tested under Node). */
export function paperPrintOptions(job: PaperJob) {
  return {
    silent: job.silent && job.printer !== null,
    printBackground: true,
    pageSize: A4_MICRONS,
    landscape: false,
    copies: 1,
    ...(job.printer ? { deviceName: job.printer } : {}),
  };
}

/** The options for printToPDF: A4 from the page's own @page rule, backgrounds on. */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/**
 * Waits for the print page's web fonts (embedded as data: URLs) before printing: a page
 * printed while they load comes out in a fallback font, or blank with some drivers.
 */
export const FONTS_READY_SCRIPT = 'document.fonts.ready.then(() => document.fonts.status)';

/** How long a print waits for the fonts at most. */
export const FONTS_TIMEOUT_MS = 5_000;
