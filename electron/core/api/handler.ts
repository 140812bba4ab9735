import type { z } from 'zod';
import type { DeskCore } from '../desk.js';
import type { ErrorBody } from '../errors.js';
import type { Session } from '../session.js';
import type { Permission } from '../staff/roles.js';

/** What a handler runs with: the core and the caller's session. */
export interface HandlerContext {
  desk: DeskCore;
  session: Session;
  /** Where the call came from, for transports that care (never personal data). */
  transport: 'ipc' | 'loopback' | 'cli' | 'test';
}

/**
 * Who may call a handler:
 * - 'public': anyone, before login (app info, setup, login, language);
 * - 'signedIn': a signed-in session even while locked (status, unlock, logout);
 * - a Permission: a signed-in, unlocked session whose role has it (see staff/roles.ts).
 */
export type Access = 'public' | 'signedIn' | Permission;

export interface HandlerDef<S extends z.ZodType, R> {
  input: S;
  access: Access;
  /** Polling calls (status) must not count as the receptionist being active. */
  passive?: boolean;
  run(ctx: HandlerContext, input: z.output<S>): R | Promise<R>;
}

/** Identity function that pins down the generic types, so the map infers everything. */
export function defineHandler<S extends z.ZodType, R>(def: HandlerDef<S, R>): HandlerDef<S, R> {
  return def;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };
