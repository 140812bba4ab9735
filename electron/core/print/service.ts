/**
 * How the core gets a PDF (and, in Electron, a paper copy) of a print page. The core only
 * knows this interface. In Electron the core runs in a utility process and each call goes
 * over its port to the main process (port/print-over-port.ts), which prints with a hidden
 * window (printToPDF / webContents.print); the browser harness and the tests use Chromium
 * driven by Playwright (page.pdf), in-process.
 */
export interface PrintService {
  /** An A4 PDF of a complete HTML page. */
  toPdf(html: string): Promise<Buffer>;
  /**
   * Puts the page on paper, where the runtime can (Electron). `printer: null` means the OS
   * default; `silent` skips the OS dialog (an opt-in setting). Resolves 'cancelled' when the
   * receptionist closed the dialog; a failure rejects with a print.* AppError (print/failure.ts).
   */
  print?(html: string, job: PaperJob): Promise<PaperOutcome>;
  /** The printers this workstation has, for the choice per form type. */
  printers?(): Promise<Printer[]>;
}

export interface PaperJob {
  printer: string | null;
  silent: boolean;
}

export type PaperOutcome = 'printed' | 'cancelled';

export interface Printer {
  /** The OS's name for it (what a print job names). */
  name: string;
  displayName: string;
  state: 'ready' | 'offline' | 'unknown';
}
