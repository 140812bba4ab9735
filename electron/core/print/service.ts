/**
 * How the core gets a PDF (and, in Electron, a paper copy) of a print page. The core only
 * knows this interface; the Electron shell implements it with a hidden, script-less window
 * (printToPDF / webContents.print), the browser harness and the tests with Chromium driven
 * by Playwright (page.pdf).
 */
export interface PrintService {
  /** An A4 PDF of a complete HTML page. */
  toPdf(html: string): Promise<Buffer>;
  /** Sends the page to a printer with the OS dialog, where the runtime can (Electron). */
  print?(html: string): Promise<void>;
}
