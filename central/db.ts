import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** A row as both drivers return it (bigint columns differ: read them with `toSeq`). */
export type Row = Record<string, unknown>;

/**
 * The little the server needs from PostgreSQL. Two implementations run the same SQL: the
 * embedded PGlite (no install, in memory or in a data directory) and a real server via `pg`.
 * Parameters only, never SQL built from request text.
 */
export interface SqlClient {
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. Calls
   * made through `tx` are part of it; the outer client must not be used inside `fn`.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** What the client is connected to, for the start-up line (never credentials). */
  readonly description: string;
}

export interface DatabaseOptions {
  /** `postgres://…`: a real PostgreSQL server. Takes precedence over `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory; without it, PGlite runs in memory and forgets on exit. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<SqlClient> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

function nested(): never {
  throw new Error('nested transactions are not supported');
}

export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  // PGlite is a single connection and queues every query and transaction itself, so a query
  // issued while a transaction runs waits for it instead of joining it.
  return {
    description: dataDir ? `PGlite (data directory ${dataDir})` : 'PGlite (in memory)',
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<R>(text, [...params])).rows;
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({
          description: 'PGlite transaction',
          async query<R extends Row>(text: string, params: readonly unknown[] = []) {
            return (await tx.query<R>(text, [...params])).rows;
          },
          transaction: nested,
          close: nested,
        }),
      );
    },
    close: () => db.close(),
  };
}

export async function openPostgres(connectionString: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // that would crash the process instead of failing the next query.
  pool.on('error', () => undefined);
  let host = 'the configured host';
  try {
    host = new URL(connectionString).hostname || 'a local socket';
  } catch {
    // A key=value connection string: pg parses it; only the description loses the host.
  }
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    description: `PostgreSQL at ${host}`,
    async query<R extends Row>(text: string, params: readonly unknown[] = []) {
      return (await pool.query<R>(text, [...params])).rows;
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn({
          description: 'PostgreSQL transaction',
          async query<R extends Row>(text: string, params: readonly unknown[] = []) {
            return (await client.query<R>(text, [...params])).rows;
          },
          transaction: nested,
          close: nested,
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection itself failed: do not return it to the pool.
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** Reads a bigint column: PGlite returns a BigInt, pg a string. */
export function toSeq(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error('sequence value out of range');
  return n;
}

/** PostgreSQL's SQLSTATE of a failed query, when it has one. */
export function sqlState(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}
