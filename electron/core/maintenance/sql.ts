import { AppError } from '../errors.js';
import { DATA_KEY_BYTES } from '../store/database.js';

/**
 * SQL text for the few statements that cannot take bound parameters (VACUUM INTO, PRAGMA
 * key/rekey). Everything else in this folder binds its values.
 */

/** A file path as a SQL string literal. The path is ours, but quotes are escaped anyway. */
export function sqlFileLiteral(file: string): string {
  // A NUL would end the string inside SQLite's C code: the statement would then name a
  // different file than the one we checked.
  if (file.includes('\0')) throw new AppError('validation', { issues: [{ path: 'outDir', code: 'validation.path' }] });
  return `'${file.replaceAll("'", "''")}'`;
}

/** A raw data key for PRAGMA key/rekey: only hex digits reach the SQL text. */
export function rawKeyLiteral(key: Buffer): string {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`data key must be ${DATA_KEY_BYTES} bytes`);
  return `"x'${key.toString('hex')}'"`;
}
