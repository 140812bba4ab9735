/**
 * How many resources go into the next upload. Pure: the engine keeps the state and feeds in
 * what happened.
 *
 * Like TCP's congestion control: from the start the size doubles after each quick success
 * until the first trouble, then grows by a quarter at a time from half the size that failed.
 * A link failure (reset, timeout, lost answer, 413) halves it: on a link that drops requests,
 * small batches lose little each time. A success that took longer than `slowMs` keeps the
 * size, so a slow link does not grow batches until they time out; a success much faster than
 * that (under a quarter) doubles it again, so random losses on a fast link do not pin the
 * size at the minimum. Errors the server answered (5xx, 429) are not the link's doing; the
 * engine backs off for them but keeps the size.
 */
export interface BatchConfig {
  min: number;
  max: number;
  initial: number;
  /** A batch answered slower than this does not make the next one bigger. */
  slowMs: number;
}

export interface BatchState {
  size: number;
  /** Below this the size doubles; at or above it, it grows gently. */
  threshold: number;
}

export const DEFAULT_BATCH: BatchConfig = { min: 1, max: 200, initial: 25, slowMs: 10_000 };

function clamp(n: number, c: BatchConfig): number {
  return Math.max(c.min, Math.min(c.max, Math.floor(n)));
}

export function initialBatch(c: BatchConfig): BatchState {
  return { size: clamp(c.initial, c), threshold: c.max };
}

export function batchAfterSuccess(s: BatchState, c: BatchConfig, durationMs: number): BatchState {
  if (durationMs > c.slowMs) return s;
  const quick = durationMs < c.slowMs / 4;
  const next = s.size < s.threshold || quick ? s.size * 2 : s.size + Math.max(1, Math.floor(s.size / 4));
  return { ...s, size: clamp(next, c) };
}

export function batchAfterFailure(s: BatchState, c: BatchConfig): BatchState {
  const half = clamp(s.size / 2, c);
  return { size: half, threshold: half };
}
