import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors.js';
import { runMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Ciphers of SQLite3 Multiple Ciphers we allow. AEGIS is the default: it is authenticated
 * (a changed page fails to decrypt instead of yielding garbage) and, measured on our
 * hardware, costs about the same as plain SQLite. The others exist so that `admin rekey`
 * can move a store to them if a site's policy demands it.
 */
export const CIPHERS = ['aegis', 'chacha20', 'sqlcipher'] as const;
export type CipherName = (typeof CIPHERS)[number];
export const DEFAULT_CIPHER: CipherName = 'aegis';

export const DATA_KEY_BYTES = 32;

export interface OpenStoreOptions {
  file: string;
  /** The raw 256-bit data key. Passed as a raw key, so no KDF runs on open. */
  key: Buffer;
  cipher: CipherName;
  /** Path of a native addon built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Skip migrations (used by tests that exercise them one by one). */
  migrate?: boolean;
}

export function rawKeyLiteral(key: Buffer): string {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`data key must be ${DATA_KEY_BYTES} bytes`);
  // The x'..' form tells SQLite3MC the bytes ARE the key: no passphrase KDF on each open.
  // Only hex digits reach the pragma, so nothing here comes from outside as SQL.
  return `"x'${key.toString('hex')}'"`;
}

/** Applies cipher and key to a freshly opened connection and proves the key is right. */
export function applyKey(db: Db, cipher: CipherName, key: Buffer): void {
  if (!CIPHERS.includes(cipher)) throw new Error('unknown cipher');
  db.pragma(`cipher='${cipher}'`);
  db.pragma(`key=${rawKeyLiteral(key)}`);
  try {
    // The first read decrypts page 1; a wrong key or cipher fails here, before anything
    // (journal mode, migrations) could write to the file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppError('store.wrongKey', { cause: e });
    }
    throw e;
  }
}

export function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a registration the receptionist saw saved survives a power cut at the desk.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temporary tables and sort spills stay in memory: SQLite's temp files are not encrypted.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
}

export function openStore(opts: OpenStoreOptions): Db {
  const dbOpts: Database.Options = {};
  if (opts.nativeBinding) dbOpts.nativeBinding = opts.nativeBinding;
  if (opts.readonly) dbOpts.readonly = true;
  const db = new Database(opts.file, dbOpts);
  try {
    applyKey(db, opts.cipher, opts.key);
    if (!opts.readonly) configureConnection(db);
    if (opts.migrate !== false && !opts.readonly) runMigrations(db, MIGRATIONS);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The cipher SQLite3MC reports for the open connection. */
export function activeCipher(db: Db): string {
  return String(db.pragma('cipher', { simple: true }));
}
