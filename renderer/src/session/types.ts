import type { MethodOutput } from '../../../electron/core/api/types';

export type SessionView = MethodOutput<'auth.status'>;
export type SignedInView = Extract<SessionView, { signedIn: true }>;
export type Role = SignedInView['staff']['role'];

/** Where the desk is: which top-level screen the app shows. */
export type Phase =
  | { kind: 'starting' }
  | { kind: 'unreachable' }
  | { kind: 'setup' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; view: SignedInView };

export function phaseOf(view: SessionView): Phase {
  return view.signedIn ? { kind: 'signedIn', view } : { kind: 'signedOut' };
}
