import type { z } from 'zod';
import { dispatch } from '../core/api/dispatch.js';
import type { HandlerContext, HandlerDef, Result } from '../core/api/handler.js';
import type { MethodInput, MethodName, MethodOutput } from '../core/api/types.js';
import { parseInput } from '../core/api/validation.js';
import { AppError } from '../core/errors.js';
import { authorize } from './identity.js';

/** Calls a method of the handler map through `dispatch`; an error result becomes an AppError. */
export async function callMethod<K extends MethodName>(ctx: HandlerContext, method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const r = (await dispatch(ctx, method, input)) as Result<MethodOutput<K>>;
  if (!r.ok) throw new AppError(r.error.code, { ...(r.error.issues ? { issues: r.error.issues } : {}), ...(r.error.details ? { details: r.error.details } : {}) });
  return r.value;
}

/**
 * Runs one handler definition with dispatch's checks (permission, zod input). For the
 * maintenance handlers, which the CLI uses before they join the shared handler map.
 */
export async function callHandler<S extends z.ZodType, R>(ctx: HandlerContext, def: HandlerDef<S, R>, payload: unknown): Promise<R> {
  authorize(ctx.session, def.access);
  return def.run(ctx, parseInput(def.input, payload));
}
