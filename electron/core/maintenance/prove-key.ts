import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, type CipherName } from '../store/database.js';

/**
 * Opens a store file just long enough to prove a cipher and key (a read of page 1), then
 * closes it. No pragma that writes (journal mode, migrations) runs, so a wrong key changes
 * nothing on disk. Throws `store.wrongKey` when the key or cipher is wrong.
 */
export function proveKey(file: string, cipher: CipherName, key: Buffer, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyKey(db, cipher, key);
  } finally {
    db.close();
  }
}
