import type { Db } from '../store/database.js';
import type { OutboxResourceType } from './outbox.js';

/**
 * Queries over the outbox for the engine and the status screen. Rows are never deleted:
 * `sent` rows are the record of what went up and when.
 */
export interface OutboxRow {
  seq: number;
  resource_type: OutboxResourceType;
  resource_id: string;
  attempts: number;
}

export interface FailedItem {
  seq: number;
  resourceType: string;
  resourceId: string;
  /** A stable key: `invalid`, `patientNotAtCentral`, `forbidden`, `deletedAtCentral`, `missingLocally`, `rejected`. */
  reason: string | null;
  attempts: number;
  queuedAt: string;
}

export function countByState(db: Db): { pending: number; failed: number } {
  const rows = db.prepare("SELECT state, count(*) AS n FROM outbox WHERE state IN ('pending', 'failed') GROUP BY state").all() as { state: string; n: number }[];
  return { pending: rows.find((r) => r.state === 'pending')?.n ?? 0, failed: rows.find((r) => r.state === 'failed')?.n ?? 0 };
}

export function countOpenConflicts(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM sync_conflict WHERE status = 'open'").get() as { n: number }).n;
}

/** Pending rows of the given types, oldest first. The caller stops iterating when its batch is full. */
export function pendingRows(db: Db, types: readonly OutboxResourceType[]): IterableIterator<OutboxRow> {
  if (types.length === 0) return [][Symbol.iterator]();
  // Placeholders only: the types come from the builder registry, and are bound, not inlined.
  return db
    .prepare(`SELECT seq, resource_type, resource_id, attempts FROM outbox WHERE state = 'pending' AND resource_type IN (${types.map(() => '?').join(', ')}) ORDER BY seq`)
    .iterate(...types) as IterableIterator<OutboxRow>;
}

export function markSent(db: Db, seq: number): void {
  db.prepare("UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL WHERE seq = ? AND state = 'pending'").run(seq);
}

/** The upload went through but the record changed meanwhile: it stays pending for its newer content. */
export function markAttempted(db: Db, seq: number): void {
  db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?').run(seq);
}

export function markFailed(db: Db, seq: number, reason: string): void {
  db.prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE seq = ? AND state = 'pending'").run(reason, seq);
}

export function markConflict(db: Db, seq: number, reason: string): void {
  db.prepare("UPDATE outbox SET state = 'conflict', attempts = attempts + 1, last_error = ? WHERE seq = ? AND state = 'pending'").run(reason, seq);
}

/**
 * Marks waiting uploads of a resource done without sending them, because the local record
 * now equals the central one (staff chose the central version). Nothing is lost: the
 * content they would have sent is what the central system already holds.
 */
export function markSuperseded(db: Db, type: OutboxResourceType, id: string): void {
  db.prepare("UPDATE outbox SET state = 'sent', last_error = 'superseded' WHERE resource_type = ? AND resource_id = ? AND state IN ('pending', 'failed')").run(type, id);
}

export function hasPendingChange(db: Db, type: OutboxResourceType, id: string): boolean {
  return db.prepare("SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ? AND state IN ('pending', 'failed')").get(type, id) !== undefined;
}

export function failedItems(db: Db, limit: number): FailedItem[] {
  const rows = db
    .prepare("SELECT seq, resource_type, resource_id, last_error, attempts, created_at FROM outbox WHERE state = 'failed' ORDER BY seq LIMIT ?")
    .all(limit) as { seq: number; resource_type: string; resource_id: string; last_error: string | null; attempts: number; created_at: string }[];
  return rows.map((r) => ({ seq: r.seq, resourceType: r.resource_type, resourceId: r.resource_id, reason: r.last_error, attempts: r.attempts, queuedAt: r.created_at }));
}

/** Puts failed items back in the queue: one (by seq) or all. Returns how many. */
export function retryFailed(db: Db, seq: number | null): number {
  const sql = "UPDATE outbox SET state = 'pending', last_error = NULL, next_attempt_at = NULL WHERE state = 'failed'";
  return (seq === null ? db.prepare(sql).run() : db.prepare(`${sql} AND seq = ?`).run(seq)).changes;
}
