import { randomBytes } from 'node:crypto';
import type { DeskCore } from '../desk.js';
import { AppError } from '../errors.js';
import { CIPHERS, DATA_KEY_BYTES, type CipherName, type Db } from '../store/database.js';
import { proveKey } from './prove-key.js';
import { clearPendingKeyring, writePendingKeyring } from './rekey-pending.js';
import { rawKeyLiteral } from './sql.js';

export interface RekeyOptions {
  cipher?: CipherName;
  /** A new random data key; without it the current key is kept (a cipher change only). */
  newKey?: boolean;
  staffId?: string | null;
}

export interface RekeyResult {
  cipher: CipherName;
  previousCipher: CipherName;
  newKey: boolean;
}

/** Test seam: lets a test stop the rekey where a crash would hurt most. */
export interface RekeyHooks {
  afterSqliteRekey?(): void;
}

function leaveWal(db: Db): void {
  // SQLite3MC cannot rekey a store in WAL mode ("Rekeying is not supported in WAL journal
  // mode"). Switching needs every other connection closed; if the app or a backup still has
  // the store open, this fails here, before anything changed.
  let mode = '';
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw e;
  }
  if (mode !== 'delete') throw new AppError('internal', { details: { reason: 'storeBusy' } });
}

/**
 * Re-encrypts the open store with another cipher and/or a new random data key, then
 * reopens the desk with the new keys. Verified against SQLite3MC: `PRAGMA cipher='<new>'`
 * followed by `PRAGMA rekey="x'<hex>'"` on the keyed connection rewrites every page with
 * the new cipher and key inside one journaled transaction (a process killed mid-way leaves
 * a hot journal that the old key rolls back).
 *
 * Crash safety, in order: (1) the new key goes to `rekey-pending/` (see rekey-pending.ts);
 * (2) SQLite rekeys; (3) a fresh connection proves the new key; (4) `keyring.json` records
 * it; (5) the pending copy is removed. A crash before (2) commits leaves the old key valid
 * and the pending copy stale; a crash between (2) and (4) is finished by
 * `finishInterruptedRekey` on the next sign-in.
 */
export function rekeyStore(desk: DeskCore, opts: RekeyOptions, hooks: RekeyHooks = {}): RekeyResult {
  const { db, keyring, keys, cipher: from } = desk.store();
  const to = opts.cipher ?? from;
  const newKey = opts.newKey === true;
  if (!CIPHERS.includes(to)) throw new AppError('validation', { issues: [{ path: 'cipher', code: 'validation.invalid_value' }] });
  if (to === from && !newKey) throw new AppError('validation', { issues: [{ path: 'cipher', code: 'validation.nothingToChange' }] });
  const dataKey = newKey ? randomBytes(DATA_KEY_BYTES) : Buffer.from(keys.dataKey);

  writePendingKeyring(desk.dataDir, keyring, keys.master, dataKey, to);
  let committed = false;
  try {
    leaveWal(db);
    // `to` is one of CIPHERS (checked above), so no outside text reaches the pragma.
    db.pragma(`cipher='${to}'`);
    db.pragma(`rekey=${rawKeyLiteral(dataKey)}`);
    committed = true;
    hooks.afterSqliteRekey?.();
    proveKey(desk.storeFile, to, dataKey);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run('store.cipher', to);
    db.pragma('journal_mode = WAL');
    keyring.setDataKey(keys.master, dataKey, to);
    clearPendingKeyring(desk.dataDir);
  } catch (e) {
    if (!committed) undoBeforeCommit(desk, db, from, keys.dataKey);
    // After the commit the pending copy holds the only persisted record of the new key: keep it.
    throw e;
  }
  const opened = desk.reopen(keyring, { master: keys.master, dataKey });
  opened.audit.append({ action: 'store.rekeyed', staffId: opts.staffId ?? null, details: { cipher: to, previousCipher: from, newKey } });
  return { cipher: to, previousCipher: from, newKey };
}

/** The rekey did not happen: back to WAL, and drop the pending copy once the old key provably still opens the store. */
function undoBeforeCommit(desk: DeskCore, db: Db, cipher: CipherName, oldKey: Buffer): void {
  try {
    db.pragma(`cipher='${cipher}'`);
    db.pragma('journal_mode = WAL');
    proveKey(desk.storeFile, cipher, oldKey);
    clearPendingKeyring(desk.dataDir);
  } catch {
    // Leave the pending copy: the next sign-in decides which key opens the store.
  }
}
