import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch.js';
import type { HandlerContext, Result } from '../../electron/core/api/handler.js';
import { DeskCore, type DeskOptions } from '../../electron/core/desk.js';
import { Session } from '../../electron/core/session.js';
import { SAMPLE_SETUP } from '../../electron/core/testing/desk-fixture.js';

export const RECEPTION = { login: 'reception', password: 'receptionist-pw-1' } as const;

/**
 * A real desk for benchmarks (the encrypted store, the API dispatch), set up with an admin and
 * a signed-in receptionist. `scryptCost` undefined means the production cost.
 */
export async function openBenchDesk(opts: Partial<DeskOptions> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-desk-'));
  const desk = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), ...opts });
  const admin: HandlerContext = { desk, session: new Session(), transport: 'test' };
  const must = async (ctx: HandlerContext, method: string, input: unknown) => {
    const r = await dispatch(ctx, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code}`);
    return r.value;
  };
  await must(admin, 'setup.run', SAMPLE_SETUP);
  await must(admin, 'staff.create', { login: RECEPTION.login, fullName: 'Айгерім Б.', role: 'receptionist', temporaryPassword: 'temporary-pass-1' });
  const reception: HandlerContext = { desk, session: new Session(), transport: 'test' };
  await must(reception, 'auth.login', { login: RECEPTION.login, password: 'temporary-pass-1' });
  await must(reception, 'auth.changePassword', { current: 'temporary-pass-1', next: RECEPTION.password });
  return {
    dir,
    desk,
    reception,
    call: (method: string, input: unknown): Promise<Result<unknown>> => dispatch(reception, method, input),
    must: (method: string, input: unknown) => must(reception, method, input),
    cleanup() {
      desk.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type BenchDesk = Awaited<ReturnType<typeof openBenchDesk>>;
