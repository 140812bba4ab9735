/**
 * Telling a keyboard-wedge scanner from a person. A scanner types a whole MRZ (90 or 88
 * characters, with Enter between lines) at a few milliseconds per key; a person never keeps
 * every gap under ~60 ms for 30 characters. So a burst is a run of MRZ-alphabet keys whose
 * gaps all stay under MAX_GAP_MS; it is only treated as a scan once it is long enough, and
 * only acted on when the keys stop (an 88-character TD1 prefix must not pass for a TD3).
 *
 * Pure: the hook keeps the state, these functions only compute the next one.
 */
export const MAX_GAP_MS = 60;
/** Fewer characters than this is a fast typist, not a scanner. */
export const MIN_SCAN_CHARS = 30;
/** Quiet time after the last key before a burst is evaluated. */
export const SETTLE_MS = 150;
/** Once this many characters came scanner-fast, an Enter is the scanner's line break, not hers. */
export const ENTER_SWALLOW_AFTER = 10;

export interface Burst {
  /** The characters so far, '\n' for Enter. Kept in memory only, and dropped after evaluation. */
  text: string;
  startedAt: number;
  lastAt: number;
}

const MRZ_CHAR = /^[A-Za-z0-9<]$/;
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

export type BurstStep = { burst: Burst | null; swallow: boolean };

/** The burst after one keydown (`key` as in KeyboardEvent.key), and whether to swallow that key. */
export function stepBurst(burst: Burst | null, key: string, at: number, hasModifier: boolean): BurstStep {
  // Scanners press Shift for capitals; a Shift keydown neither breaks nor extends the burst.
  if (MODIFIERS.has(key)) return { burst, swallow: false };
  const continues = burst !== null && at - burst.lastAt <= MAX_GAP_MS;
  if (key === 'Enter' && !hasModifier) {
    if (!continues) return { burst: null, swallow: false };
    const swallow = charCount(burst) >= ENTER_SWALLOW_AFTER;
    return { burst: { ...burst, text: `${burst.text}\n`, lastAt: at }, swallow };
  }
  if (hasModifier || !MRZ_CHAR.test(key)) return { burst: null, swallow: false };
  if (!continues) return { burst: { text: key, startedAt: at, lastAt: at }, swallow: false };
  return { burst: { ...burst, text: burst.text + key, lastAt: at }, swallow: false };
}

export function charCount(burst: Burst): number {
  return burst.text.replace(/\n/g, '').length;
}

/** Whether a finished burst came from a scanner (long and fast enough to be one). */
export function isScannerBurst(burst: Burst | null): burst is Burst {
  return burst !== null && charCount(burst) >= MIN_SCAN_CHARS;
}
