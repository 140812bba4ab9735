import { sqlState, type SqlClient } from '../db.js';

/**
 * Write locks. There is no global write lock: a write transaction locks only what it is about
 * to read and change, with transaction-scoped advisory locks, so writes about different
 * patients run side by side on PostgreSQL while writes about one patient take turns.
 *
 * Keys are strings hashed to PostgreSQL's 64-bit advisory-lock space (a collision only makes
 * two unrelated writes wait for each other). What is locked, and why:
 * - `Type/id` of every resource written: its next version number is read, then written;
 * - `Patient/id` of the patient each written resource belongs to: a write computes who
 *   receives the new version from `branch_patient`, and a branch gaining that patient lists
 *   the patient's records; both under one lock, or a branch could miss a record;
 * - `identifier:<value>` of every IIN written and every identifier a conditional PUT or a
 *   lookup resolves: "one patient per IIN" is a read followed by a write.
 * A patient's key is the same as its resource key, so the two uses never deadlock each other.
 */
export function resourceKey(type: string, id: string): string {
  return `${type}/${id}`;
}

export function identifierKey(value: string): string {
  return `identifier:${value}`;
}

/**
 * Takes the locks in one statement, in the order of their hashes, so that two transactions
 * locking overlapping sets never wait for each other in a cycle. Released at commit or rollback.
 */
export async function lockKeys(tx: SqlClient, keys: Iterable<string>): Promise<void> {
  const list = [...new Set(keys)];
  if (list.length === 0) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(h)) AS n
       FROM (SELECT DISTINCT hashtextextended(key, 0) AS h FROM unnest($1::text[]) AS key ORDER BY h) AS ordered`,
    [list],
  );
}

/**
 * Locks `keys` plus the keys of what `resolve` finds (e.g. the patient holding an identifier),
 * all in one ordered statement: it resolves once without locks, locks, and resolves again
 * under the locks. If the answer changed in between (a rare race), the new keys are locked as
 * well; that second step is out of order and may deadlock, which PostgreSQL detects and
 * `writeTransaction` retries.
 */
export async function lockWithResolved<T>(
  tx: SqlClient,
  keys: Iterable<string>,
  resolve: () => Promise<T>,
  keysOf: (resolved: T) => Iterable<string>,
): Promise<T> {
  const first = new Set(keysOf(await resolve()));
  await lockKeys(tx, [...keys, ...first]);
  const resolved = await resolve();
  const extra = [...keysOf(resolved)].filter((k) => !first.has(k));
  await lockKeys(tx, extra);
  return resolved;
}

/** SQLSTATEs after which the same transaction, run again, may succeed. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

/**
 * A write transaction, run again (up to four times) when PostgreSQL aborts it for a deadlock
 * or a serialization failure; nothing of an aborted attempt was committed.
 */
export async function writeTransaction<T>(sql: SqlClient, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sql.transaction(fn);
    } catch (err) {
      const state = sqlState(err);
      if (attempt >= ATTEMPTS || state === undefined || !RETRYABLE.has(state)) throw err;
    }
  }
}
