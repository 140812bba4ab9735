import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../api/dispatch.js';
import type { HandlerContext, Result } from '../api/handler.js';
import type { MethodInput, MethodName, MethodOutput } from '../api/types.js';
import { ManualClock } from '../clock.js';
import { DeskCore, type SetupInput } from '../desk.js';
import { Session } from '../session.js';

/**
 * Test fixtures for the core: a real DeskCore over a real encrypted store in a temp folder.
 * scrypt runs at a lower cost here only to keep the suite fast; production uses the default,
 * and the cost is recorded per entry either way.
 */
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

export const SAMPLE_SETUP: SetupInput = {
  branch: { code: 'ALA-01', name: 'Алматы, Абая 10', address: 'г. Алматы, пр. Абая, 10' },
  operator: {
    legalNameKk: '«АйМедЛаб» ЖШС',
    legalNameRu: 'ТОО «АйМедЛаб»',
    bin: '160440012346',
    postalAddress: 'г. Алматы, ул. Толе би, 101',
    directorName: 'Утебаева А.Б.',
    directorNameRuDative: 'Утебаевой А.Б.',
  },
  admin: { login: 'admin', fullName: 'Сейтжанов Ерлан', password: 'correct horse battery' },
  language: 'ru',
};

export interface DeskFixture {
  dir: string;
  desk: DeskCore;
  clock: ManualClock;
  /** Calls the API the way a transport does, with its own session. */
  client(session?: Session): { session: Session; call<K extends MethodName>(m: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> };
  cleanup(): void;
}

export function makeDesk(dir = mkdtempSync(path.join(tmpdir(), 'desk-'))): DeskFixture {
  const clock = new ManualClock();
  const desk = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), clock, scryptCost: TEST_SCRYPT });
  return {
    dir,
    desk,
    clock,
    client(session = new Session()) {
      const ctx: HandlerContext = { desk, session, transport: 'test' };
      return {
        session,
        call: <K extends MethodName>(m: K, input: MethodInput<K>) => dispatch(ctx, m, input) as Promise<Result<MethodOutput<K>>>,
      };
    },
    cleanup() {
      desk.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a Result in tests, failing loudly with the error code. */
export function expectOk<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got error ${JSON.stringify(r.error)}`);
  return r.value;
}
