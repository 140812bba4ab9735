/**
 * Telling a keyboard-wedge scanner from a person. A scanner types a whole MRZ (90 or 88
 * characters, with Enter between lines) at a few milliseconds per key; a person's keys come
 * 80 ms or more apart. A burst is a run of MRZ-alphabet keys; it is scanner-fast when its
 * median gap is under FAST_GAP_MS. The median, not the largest gap, because a busy computer
 * now and then delays one key of a real scan. A burst is acted on only when the keys stop
 * (an 88-character TD1 prefix must not pass for a TD3) and only if it has an MRZ's shape.
 *
 * Pure: the hook keeps the state, these functions only compute the next one.
 */
export const FAST_GAP_MS = 35;
/** A longer pause ends the burst. */
export const MAX_GAP_MS = 250;
/** Quiet time after the last key before a burst is evaluated: longer than any gap inside one. */
export const SETTLE_MS = MAX_GAP_MS + 50;
/** Fewer characters than this is a fast typist, not a scanner. */
export const MIN_SCAN_CHARS = 30;
/** MRZ line lengths: TD1 (ID card) and TD3 (passport). */
const MRZ_LINE_LENGTHS = new Set([30, 44]);
/** Longer than any MRZ with its line breaks: something else is going on. */
const MAX_BURST_CHARS = 100;

export interface Burst {
  /** The characters so far, '\n' for Enter. Kept in memory only, and dropped after evaluation. */
  text: string;
  startedAt: number;
  lastAt: number;
  gaps: number[];
}

const MRZ_CHAR = /^[A-Za-z0-9<]$/;
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

export type BurstStep = { burst: Burst | null; swallow: boolean };

export interface KeyInfo {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp */
  at: number;
  /** Ctrl, Alt or Meta held: a shortcut, never scanner input. */
  modifier: boolean;
  /** An auto-repeated key (held down): a person, not a scanner. */
  repeat: boolean;
}

function extend(burst: Burst, ch: string, at: number): Burst | null {
  if (burst.text.length >= MAX_BURST_CHARS) return null;
  return { text: burst.text + ch, startedAt: burst.startedAt, lastAt: at, gaps: [...burst.gaps, at - burst.lastAt] };
}

/** The burst after one keydown, and whether to swallow that key. */
export function stepBurst(burst: Burst | null, k: KeyInfo): BurstStep {
  // Scanners press Shift for capitals; a Shift keydown neither breaks nor extends the burst.
  if (MODIFIERS.has(k.key)) return { burst, swallow: false };
  const continues = burst !== null && k.at - burst.lastAt <= MAX_GAP_MS;
  if (k.key === 'Enter' && !k.modifier && !k.repeat) {
    if (!continues) return { burst: null, swallow: false };
    const swallow = endsMrzLine(burst) && isFast(burst);
    return { burst: extend(burst, '\n', k.at), swallow };
  }
  if (k.modifier || k.repeat || !MRZ_CHAR.test(k.key)) return { burst: null, swallow: false };
  if (!continues) return { burst: { text: k.key, startedAt: k.at, lastAt: k.at, gaps: [] }, swallow: false };
  return { burst: extend(burst, k.key, k.at), swallow: false };
}

/**
 * An Enter is the scanner's line break (swallowed, or it would submit a form or open a search
 * result) only right after a full MRZ line of a document code. A barcode scanner typing an
 * IIN and Enter, or anything else, keeps its Enter.
 */
function endsMrzLine(burst: Burst): boolean {
  const line = burst.text.slice(burst.text.lastIndexOf('\n') + 1);
  return MRZ_LINE_LENGTHS.has(line.length) && /^[ACIP]/i.test(burst.text);
}

export function charCount(burst: Burst): number {
  return burst.text.replace(/\n/g, '').length;
}

function isFast(burst: Burst): boolean {
  if (burst.gaps.length === 0) return false;
  const sorted = [...burst.gaps].sort((a, b) => a - b);
  return (sorted[Math.floor(sorted.length / 2)] ?? Infinity) <= FAST_GAP_MS;
}

/** Whether a finished burst came from a scanner (long and fast enough to be one). */
export function isScannerBurst(burst: Burst | null): burst is Burst {
  return burst !== null && charCount(burst) >= MIN_SCAN_CHARS && isFast(burst);
}
