import type { HandlerContext } from '../handler.js';

/** What the renderer knows about its session; re-read after every auth change. */
export function sessionView({ desk, session }: HandlerContext) {
  if (!session.staff || !desk.isOpen()) return { signedIn: false as const };
  const branch = desk.branch();
  return {
    signedIn: true as const,
    locked: session.locked,
    staff: session.staff,
    branch: { code: branch.code, name: branch.name },
    idleLockMs: desk.idleLockMs(),
  };
}

export type SessionView = ReturnType<typeof sessionView>;
