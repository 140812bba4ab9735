import type { Role } from './staff/roles.js';

export interface SessionStaff {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * One signed-in desk: an Electron window or one browser connection of the harness. It lives
 * as long as its transport connection; the core decides when it locks.
 */
export class Session {
  staff: SessionStaff | null = null;
  locked = false;
  lastActivityMs = 0;

  signIn(staff: SessionStaff, nowMs: number): void {
    this.staff = staff;
    this.locked = false;
    this.lastActivityMs = nowMs;
  }

  signOut(): void {
    this.staff = null;
    this.locked = false;
  }

  touch(nowMs: number): void {
    this.lastActivityMs = nowMs;
  }

  /**
   * Locks the session if it has been idle longer than the limit. Returns whether it is
   * locked now, and whether this call is the one that locked it (so it is audited once).
   */
  lockIfIdle(nowMs: number, idleMs: number): { locked: boolean; justLocked: boolean } {
    if (this.staff && !this.locked && nowMs - this.lastActivityMs >= idleMs) {
      this.locked = true;
      return { locked: true, justLocked: true };
    }
    return { locked: this.locked, justLocked: false };
  }
}
