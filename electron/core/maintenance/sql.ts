import { AppError } from '../errors.js';

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

export { rawKeyLiteral } from '../store/database.js';
