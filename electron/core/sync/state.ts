import type { Db } from '../store/database.js';

/** Where the engine stands, kept in `sync_state` so a restart continues from there. */
export interface SyncState {
  pullCursor: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastErrorCode: string | null;
  lastErrorAt: string | null;
}

export function readSyncState(db: Db): SyncState {
  const r = db.prepare('SELECT pull_cursor, last_success_at, last_attempt_at, last_error_code, last_error_at FROM sync_state WHERE id = 1').get() as
    | { pull_cursor: string | null; last_success_at: string | null; last_attempt_at: string | null; last_error_code: string | null; last_error_at: string | null }
    | undefined;
  return {
    pullCursor: r?.pull_cursor ?? null,
    lastSuccessAt: r?.last_success_at ?? null,
    lastAttemptAt: r?.last_attempt_at ?? null,
    lastErrorCode: r?.last_error_code ?? null,
    lastErrorAt: r?.last_error_at ?? null,
  };
}

/** A request to the central system succeeded. Call inside the transaction that applies its result. */
export function recordSuccess(db: Db, at: string): void {
  db.prepare('UPDATE sync_state SET last_success_at = ?, last_attempt_at = ?, last_error_code = NULL, last_error_at = NULL WHERE id = 1').run(at, at);
}

/** `code` is a stable key (e.g. `network.timeout`, `http.503`), never a message. */
export function recordFailure(db: Db, code: string, at: string): void {
  db.prepare('UPDATE sync_state SET last_attempt_at = ?, last_error_code = ?, last_error_at = ? WHERE id = 1').run(at, code, at);
}

/** Stored in the same transaction as the page it follows. */
export function setPullCursor(db: Db, cursor: string | null): void {
  db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(cursor);
}
