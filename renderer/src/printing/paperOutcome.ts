import type { ErrorBody } from '../../../electron/core/api/types';

/** What came of a print request, for the message under the Print button. */
export type PaperOutcome = { kind: 'sent' } | { kind: 'cancelled' } | { kind: 'viewer' } | { kind: 'error'; error: ErrorBody };

/** What a form's paper-print call gives back: its outcome, or the refusal. */
export type PaperResult = { outcome: 'printed' | 'cancelled' } | { error: ErrorBody };

/**
 * The print call's answer as an outcome: where the runtime cannot print on paper (the
 * browser harness) the receptionist prints from the viewer instead.
 */
export function paperOutcome(r: PaperResult): PaperOutcome {
  if ('outcome' in r) return { kind: r.outcome === 'printed' ? 'sent' : 'cancelled' };
  if (r.error.code === 'print.unavailable') return { kind: 'viewer' };
  return { kind: 'error', error: r.error };
}
