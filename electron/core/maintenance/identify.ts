import { AppError } from '../errors.js';
import type { Keyring } from '../keys/keyring.js';
import { can, type Permission } from '../staff/roles.js';
import type { StaffRecord } from '../staff/staff-repo.js';

/**
 * Finds which staff member a password belongs to, among those allowed to do `permission`.
 * The caller has already proven the password against some keyring entry (`unlockAny`), so
 * when no permitted staff member matches, the password is someone else's: forbidden.
 *
 * The keyring stores hashed entry ids, not logins, so this tries each candidate's entry
 * (one scrypt each). Only active staff with the permission are tried, which keeps it short.
 */
export async function identifyStaff(keyring: Keyring, staff: readonly StaffRecord[], password: string, permission: Permission): Promise<StaffRecord> {
  for (const s of staff) {
    if (!s.active || !can(s.role, permission) || !keyring.has(s.login)) continue;
    try {
      await keyring.unlock(s.login, password);
      return s;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'auth.wrongCredentials')) throw e;
    }
  }
  throw new AppError('auth.forbidden', { details: { permission } });
}
