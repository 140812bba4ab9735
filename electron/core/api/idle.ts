import type { HandlerContext } from './handler.js';

/** Applies the idle lock (the core decides, not the renderer) and audits the moment it happens. */
export function lockIdleSession({ desk, session }: HandlerContext): { locked: boolean } {
  const r = session.lockIfIdle(desk.clock.now().getTime(), desk.idleLockMs());
  if (r.justLocked && session.staff) desk.store().audit.append({ action: 'auth.idleLocked', staffId: session.staff.id });
  return { locked: r.locked };
}
