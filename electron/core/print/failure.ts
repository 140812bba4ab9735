import type { ErrorCode } from '../errors.js';
import type { Printer } from './service.js';

/**
 * Electron's print callback reports a failure as free text (verified against Electron's
 * printing_utils.cc and the print job patch): these are the strings it sends. Each becomes
 * a stable code the renderer shows in the receptionist's language; anything unknown is
 * a plain `print.failed`, never the raw string (it may one day quote a path or a name).
 */
const REASONS: ReadonlyArray<[RegExp, ErrorCode | 'cancelled']> = [
  [/^cancell?ed$/i, 'cancelled'],
  [/^print job cancell?ed$/i, 'cancelled'],
  [/^invalid devicename provided$/i, 'print.printerNotFound'],
  [/^no printers available/i, 'print.noPrinter'],
  [/^failed to enumerate printers$/i, 'print.noPrinter'],
  [/^invalid printer settings$/i, 'print.jobRefused'],
  [/^print job failed$/i, 'print.jobFailed'],
  [/^failed$/i, 'print.jobFailed'],
];

export function paperFailure(reason: string | undefined): ErrorCode | 'cancelled' {
  const r = (reason ?? '').trim();
  for (const [re, code] of REASONS) if (re.test(r)) return code;
  return 'print.failed';
}

/**
 * Whether a printer can take a job now, from the platform's options on Electron's
 * PrinterInfo: CUPS (Linux, macOS) reports `printer-state` (3 idle, 4 printing, 5 stopped)
 * and `printer-is-accepting-jobs`; where a driver passes Windows' PRINTER_STATUS bits as
 * `status`, 0x80 (offline), 0x2 (error) and 0x1 (paused) count as offline. Anything else is
 * 'unknown', and the job is tried.
 */
export function printerState(options: Record<string, string> | undefined): Printer['state'] {
  if (!options) return 'unknown';
  const cupsState = options['printer-state'];
  const accepting = options['printer-is-accepting-jobs'];
  if (cupsState === '5' || accepting === 'false') return 'offline';
  if (cupsState === '3' || cupsState === '4') return 'ready';
  const winStatus = options['status'];
  if (winStatus !== undefined && /^\d+$/.test(winStatus)) {
    const bits = Number(winStatus);
    return bits & (0x80 | 0x2 | 0x1) ? 'offline' : 'ready';
  }
  return 'unknown';
}

/**
 * What to print on, decided before the job goes out: a remembered printer that is gone or
 * offline fails here with a clear code instead of a silent job into nowhere.
 */
export function checkPrinter(printers: readonly Printer[], chosen: string | null): ErrorCode | null {
  if (printers.length === 0) return 'print.noPrinter';
  if (chosen === null) return null;
  const p = printers.find((x) => x.name === chosen);
  if (!p) return 'print.printerNotFound';
  return p.state === 'offline' ? 'print.printerOffline' : null;
}
