import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { syncHandlers } from '../../api/handlers/sync.js';
import type { HandlerContext, HandlerDef, Result } from '../../api/handler.js';
import { parseInput } from '../../api/validation.js';
import { ManualClock } from '../../clock.js';
import { DeskCore, type SetupInput } from '../../desk.js';
import { AppError } from '../../errors.js';
import type { PrintService } from '../../print/service.js';
import { Session } from '../../session.js';
import { can } from '../../staff/roles.js';
import { SAMPLE_SETUP, TEST_SCRYPT } from '../../testing/desk-fixture.js';
import type { BuilderRegistry } from '../builders.js';
import type { SyncConfigOverrides } from '../config.js';
import { seededRandom } from '../core/random.js';
import { SyncService } from '../service.js';

export type SyncMethod = keyof typeof syncHandlers;
type Def<K extends SyncMethod> = (typeof syncHandlers)[K];
type Out<K extends SyncMethod> = Awaited<ReturnType<Def<K>['run']>>;
type In<K extends SyncMethod> = Def<K> extends HandlerDef<infer S, unknown> ? z.input<S> : never;

/**
 * Calls a sync handler the way `api/dispatch.ts` does (access check, zod input, the
 * `{ ok, value }` wrapping), for tests that run before the lead adds `...syncHandlers` to the
 * API map. Once they are in the map, `fx.client().call('sync.status', {})` works the same.
 */
export async function callSync<K extends SyncMethod>(ctx: HandlerContext, method: K, input: In<K>): Promise<Result<Out<K>>> {
  const h = syncHandlers[method] as unknown as HandlerDef<z.ZodType, Out<K>>;
  try {
    const staff = ctx.session.staff;
    if (!staff || !ctx.desk.isOpen()) throw new AppError('auth.required');
    if (h.access !== 'public' && h.access !== 'signedIn' && !can(staff.role, h.access)) throw new AppError('auth.forbidden');
    return { ok: true, value: await h.run(ctx, parseInput(h.input, input)) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toBody() };
    throw e;
  }
}

export interface SyncDeskOptions {
  dir?: string;
  config?: SyncConfigOverrides;
  seed?: number;
  setup?: SetupInput;
  builders?: BuilderRegistry;
  print?: PrintService;
}

/** Stands in for Chromium's print engine: a small, deterministic "PDF" per page. */
export const FAKE_PRINT: PrintService = {
  toPdf: async (html) => Buffer.from(`%PDF-1.7\n% test page ${createHash('sha256').update(html).digest('hex')}\n%%EOF\n`),
};

/** A DeskCore whose store runs a SyncService (seeded jitter, test timings), in a temp folder. */
export function makeSyncDesk(opts: SyncDeskOptions = {}) {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'sync-desk-'));
  const clock = new ManualClock();
  const desk = new DeskCore({
    dataDir: dir,
    resourcesDir: path.resolve('resources'),
    clock,
    scryptCost: TEST_SCRYPT,
    print: opts.print ?? FAKE_PRINT,
    sync: (deps) => new SyncService({ ...deps, config: opts.config, random: seededRandom(opts.seed ?? 1), ...(opts.builders ? { builders: opts.builders } : {}) }),
  });
  const ctx = (session: Session): HandlerContext => ({ desk, session, transport: 'test' });
  return {
    dir,
    desk,
    clock,
    setupInput: opts.setup ?? SAMPLE_SETUP,
    sync(): SyncService {
      const s = desk.store().sync;
      if (!s) throw new Error('no sync service');
      return s;
    },
    ctx,
    cleanup() {
      desk.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type SyncDesk = ReturnType<typeof makeSyncDesk>;
