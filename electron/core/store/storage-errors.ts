import { AppError } from '../errors.js';

/**
 * SQLite's refusals that come from the disk, not from the data: a full disk, a read-only
 * folder or device, an I/O error. SQLite rolls the transaction back and the store stays
 * whole, so the receptionist gets a clear, translated message and can keep reading; any
 * other error stays internal. Codes are better-sqlite3's (SqliteError.code, extended codes
 * such as SQLITE_IOERR_WRITE or SQLITE_READONLY_DBMOVED included).
 */
export function storageError(e: unknown): AppError | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e) || typeof e.code !== 'string') return undefined;
  const code = e.code;
  if (code === 'SQLITE_FULL') return new AppError('store.diskFull', { cause: e });
  if (code.startsWith('SQLITE_READONLY')) return new AppError('store.readOnly', { cause: e });
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return new AppError('store.ioError', { cause: e });
  return undefined;
}
