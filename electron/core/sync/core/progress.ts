/**
 * The progress bar while a backlog drains. Pure counters: the engine adds what each batch
 * did after its transaction committed.
 */
export interface DrainProgress {
  /** Items waiting when this drain started. */
  backlogAtStart: number;
  sent: number;
  failed: number;
  conflicts: number;
}

export function startDrain(queued: number): DrainProgress {
  return { backlogAtStart: queued, sent: 0, failed: 0, conflicts: 0 };
}

export function addOutcome(p: DrainProgress, o: { sent?: number; failed?: number; conflicts?: number }): DrainProgress {
  return { ...p, sent: p.sent + (o.sent ?? 0), failed: p.failed + (o.failed ?? 0), conflicts: p.conflicts + (o.conflicts ?? 0) };
}

/**
 * Done over done-plus-still-queued: items registered during the drain extend the bar instead
 * of pushing it past 100 %.
 */
export function fractionDone(p: DrainProgress, queuedNow: number): number {
  const done = p.sent + p.failed + p.conflicts;
  const total = done + Math.max(queuedNow, 0);
  return total === 0 ? 1 : done / total;
}
