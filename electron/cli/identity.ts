import type { Access, HandlerContext } from '../core/api/handler.js';
import type { DeskCore } from '../core/desk.js';
import { AppError } from '../core/errors.js';
import { Keyring, type UnlockedKeys } from '../core/keys/keyring.js';
import { identifyStaff } from '../core/maintenance/identify.js';
import { clearPendingKeyring, finishInterruptedRekey, hasPendingKeyring } from '../core/maintenance/rekey-pending.js';
import { Session, type SessionStaff } from '../core/session.js';
import { can, type Permission } from '../core/staff/roles.js';

function isWrongKey(e: unknown): boolean {
  return e instanceof AppError && e.code === 'store.wrongKey';
}

/** The store opened with the main keyring, so a leftover pending keyring is stale. */
function dropStalePending(desk: DeskCore): void {
  if (hasPendingKeyring(desk.dataDir)) clearPendingKeyring(desk.dataDir);
}

async function recoverOr(desk: DeskCore, password: string, e: unknown): Promise<UnlockedKeys> {
  if (!isWrongKey(e)) throw e;
  const keys = await finishInterruptedRekey(desk.dataDir, desk.storeFile, Keyring.load(desk.dataDir, null), password);
  if (!keys) throw e;
  return keys;
}

async function signInAs(desk: DeskCore, login: string, password: string): Promise<SessionStaff> {
  try {
    const staff = await desk.signIn(login, password);
    dropStalePending(desk);
    return staff;
  } catch (e) {
    await recoverOr(desk, password, e);
    return desk.signIn(login, password);
  }
}

/** Without a login: whoever's password this is, among the staff allowed to do `permission`. */
async function findLogin(desk: DeskCore, password: string, permission: Permission): Promise<string> {
  const keyring = Keyring.load(desk.dataDir, null);
  // A wrong password fails here, before the store is opened: no file changes.
  let keys = await keyring.unlockAny(password);
  try {
    desk.reopen(keyring, keys);
    dropStalePending(desk);
  } catch (e) {
    keys = await recoverOr(desk, password, e);
    desk.reopen(Keyring.load(desk.dataDir, null), keys);
  }
  const staff = await identifyStaff(desk.store().keyring, desk.store().staff.list(), password, permission);
  return staff.login;
}

/** What dispatch checks before a handler runs, for core calls the CLI makes directly. */
export function authorize(session: Session, access: Access): SessionStaff {
  const staff = session.staff;
  if (!staff) throw new AppError('auth.required');
  if (access === 'public' || access === 'signedIn') return staff;
  if (staff.mustChangePassword) throw new AppError('auth.mustChangePassword');
  if (!can(staff.role, access)) throw new AppError('auth.forbidden', { details: { permission: access } });
  return staff;
}

/**
 * Proves the operator's identity the way the desk does: a password through the keyring and
 * `desk.signIn` (so throttling, inactive accounts and the `auth.login` audit entry apply),
 * then a Session with that staff member's role for `dispatch`. Also finishes a rekey that
 * was interrupted after SQLite switched keys (see maintenance/rekey-pending.ts).
 */
export async function signInCli(desk: DeskCore, password: string, opts: { login?: string | undefined; permission: Permission }): Promise<HandlerContext> {
  if (!desk.isSetUp()) throw new AppError('setup.notDone');
  const login = opts.login ?? (await findLogin(desk, password, opts.permission));
  const staff = await signInAs(desk, login, password);
  const session = new Session();
  session.signIn(staff, desk.clock.now().getTime());
  authorize(session, opts.permission);
  return { desk, session, transport: 'cli' };
}
