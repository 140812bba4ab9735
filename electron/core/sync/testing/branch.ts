import { dispatch } from '../../api/dispatch.js';
import type { HandlerContext, Result } from '../../api/handler.js';
import { Session } from '../../session.js';
import { expectOk } from '../../testing/desk-fixture.js';
import type { SyncConfigOverrides } from '../config.js';
import { callSync, type SyncDesk } from './sync-desk.js';

/** Short timings for tests that run the engine against a local server. */
export const FAST: SyncConfigOverrides = {
  requestTimeoutMs: 2000,
  probeTimeoutMs: 500,
  pollIntervalMs: 50,
  probeIntervalMs: 50,
  offlineAfterFailures: 2,
  backoff: { baseMs: 10, maxMs: 100 },
};

/** Sets a branch up (admin, receptionist), points it at the central server, and signs both in. */
export async function prepareBranch(fx: SyncDesk, central: { url: string; token: string }) {
  const admin: HandlerContext = fx.ctx(new Session());
  const call = (ctx: HandlerContext, method: string, input: unknown) => dispatch(ctx, method, input);
  expectOk(await call(admin, 'setup.run', fx.setupInput));
  expectOk(await callSync(admin, 'sync.settings.set', { baseUrl: central.url, authKind: 'bearer', token: central.token }));
  expectOk(await call(admin, 'staff.create', { login: 'reception', fullName: 'Айгерім Б.', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
  const reception: HandlerContext = fx.ctx(new Session());
  expectOk(await call(reception, 'auth.login', { login: 'reception', password: 'temporary-pass-1' }));
  expectOk(await call(reception, 'auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
  return { admin, reception, call: (ctx: HandlerContext, method: string, input: unknown): Promise<Result<unknown>> => call(ctx, method, input) };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 20): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
