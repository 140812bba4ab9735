import type { z } from 'zod';
import { AppError, type ErrorBody } from '../errors.js';
import { can } from '../staff/roles.js';
import { storageError } from '../store/storage-errors.js';
import type { HandlerContext, HandlerDef, Result } from './handler.js';
import { handlers } from './index.js';
import { lockIdleSession } from './idle.js';
import { parseInput } from './validation.js';

type AnyHandler = HandlerDef<z.ZodType, unknown>;

function authorize(ctx: HandlerContext, h: AnyHandler): void {
  if (h.access === 'public') return;
  const { session, desk } = ctx;
  if (!session.staff || !desk.isOpen()) throw new AppError('auth.required');
  // The core, not the renderer, decides that an idle desk is locked.
  const { locked } = lockIdleSession(ctx);
  if (h.access === 'signedIn') return;
  if (locked) throw new AppError('auth.locked');
  if (session.staff.mustChangePassword) throw new AppError('auth.mustChangePassword');
  if (!can(session.staff.role, h.access)) throw new AppError('auth.forbidden', { details: { permission: h.access } });
}

function toErrorBody(ctx: HandlerContext, e: unknown, method: string): ErrorBody {
  if (e instanceof AppError) return e.toBody();
  const storage = storageError(e);
  if (storage) return storage.toBody();
  // Only the error's class and the method go to the log: messages from lower layers may
  // quote data, and no personal data may reach a log file.
  ctx.desk.log.log('error', 'core.internal', { method, error: e instanceof Error ? e.name : typeof e });
  return { code: 'internal' };
}

/**
 * Runs one call for any transport: looks the method up in the map, checks who may call it,
 * validates the payload with the handler's zod schema, and wraps the outcome as
 * `{ ok, value }` or `{ ok: false, error: { code } }`. Nothing throws past this function.
 */
export async function dispatch(ctx: HandlerContext, method: string, payload: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(handlers, method)) return { ok: false, error: { code: 'unknownMethod' } };
  const h = handlers[method as keyof typeof handlers] as unknown as AnyHandler;
  try {
    authorize(ctx, h);
    const input = parseInput(h.input, payload ?? {});
    const value = await h.run(ctx, input);
    if (!h.passive && ctx.session.staff && !ctx.session.locked) ctx.session.touch(ctx.desk.clock.now().getTime());
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorBody(ctx, e, method) };
  }
}

export function isMethod(name: string): boolean {
  return Object.hasOwn(handlers, name);
}
