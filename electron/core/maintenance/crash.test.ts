/**
 * Crash suite: a child process (testing/crash-child.ts) registers, corrects and takes consents
 * in a loop and is SIGKILLed at a random moment; then the store must open, pass
 * `integrity_check`, hold every operation the child reported as committed (with its history
 * and outbox entry), and its audit chain must verify. 20 kills during ordinary work in CI, and
 * a few during a rekey, a backup and a sync drain; RELIABILITY_LONG=1 runs 200 (and 20 each).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import type { HandlerContext } from '../api/handler.js';
import { DeskCore } from '../desk.js';
import { Session } from '../session.js';
import { BRANCH_TOKENS, startCentral, type RunningCentral } from '../sync/testing/central.js';
import { CRASH_LOGIN, CRASH_SCRYPT } from '../testing/crash-shared.js';
import { SAMPLE_SETUP } from '../testing/desk-fixture.js';

const LONG = process.env.RELIABILITY_LONG === '1';
const CHILD = path.resolve('electron/core/testing/crash-child.ts');

interface Committed {
  op: string;
  id?: string;
  version?: number;
  patientId?: string;
}

let root: string;
let central: RunningCentral | null = null;

async function prepare(dir: string, centralUrl?: string): Promise<void> {
  const desk = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), scryptCost: CRASH_SCRYPT });
  const admin: HandlerContext = { desk, session: new Session(), transport: 'test' };
  const must = async (ctx: HandlerContext, m: string, input: unknown) => {
    const r = await dispatch(ctx, m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.code}`);
  };
  await must(admin, 'setup.run', SAMPLE_SETUP);
  await must(admin, 'staff.create', { login: CRASH_LOGIN.login, fullName: 'Тест Тестов', role: 'receptionist', temporaryPassword: 'temporary-pass-1' });
  if (centralUrl) await must(admin, 'sync.settings.set', { baseUrl: centralUrl, authKind: 'bearer', token: BRANCH_TOKENS['ALA-01'] });
  const r: HandlerContext = { desk, session: new Session(), transport: 'test' };
  await must(r, 'auth.login', { login: CRASH_LOGIN.login, password: 'temporary-pass-1' });
  await must(r, 'auth.changePassword', { current: 'temporary-pass-1', next: CRASH_LOGIN.password });
  desk.close();
}

/** Runs the child until it has committed something, then kills it after a random delay. */
function runAndKill(dir: string, mode: string, serialBase: number, centralUrl?: string): Promise<Committed[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, mode, ...(centralUrl ? [centralUrl] : [])], {
      env: { ...process.env, CRASH_SERIAL_BASE: String(serialBase) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: Committed[] = [];
    let buffer = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      // Only whole lines count: a line cut by the kill was not reported.
      for (const l of lines) if (l.trim()) committed.push(JSON.parse(l) as Committed);
      if (!armed && committed.some((c) => c.op === 'ready')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), 150 + Math.floor(Math.random() * 1200));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`the child ended on its own (${code}): ${stderr.slice(-800)}`));
    });
  });
}

/** Opens the store after the crash and checks that everything reported is there and whole. */
async function check(dir: string, committed: Committed[]): Promise<void> {
  const desk = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), scryptCost: CRASH_SCRYPT });
  try {
    await desk.signIn(CRASH_LOGIN.login, CRASH_LOGIN.password);
    const { db, patients, audit } = desk.store();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(audit.verify()).toMatchObject({ valid: true, problems: [] });
    const outbox = db.prepare('SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ?');
    const history = db.prepare('SELECT 1 FROM patient_history WHERE patient_id = ? AND version = ?');
    for (const c of committed) {
      if (c.op === 'patient' && c.id && c.version) {
        expect(patients.get(c.id)?.version ?? 0).toBeGreaterThanOrEqual(c.version);
        expect(history.get(c.id, c.version)).toBeDefined();
        expect(outbox.get('Patient', c.id)).toBeDefined();
      }
      if (c.op === 'consent' && c.id) {
        const row = db.prepare('SELECT state FROM consent WHERE id = ?').get(c.id) as { state: string } | undefined;
        expect(row?.state).toBe('active');
        expect(outbox.get('Consent', c.id)).toBeDefined();
      }
    }
  } finally {
    desk.close();
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'crash-'));
});
afterAll(async () => {
  await central?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('SIGKILL at random moments', () => {
  const cases: { mode: string; kills: number }[] = [
    { mode: 'work', kills: LONG ? 200 : 20 },
    { mode: 'rekey', kills: LONG ? 20 : 3 },
    { mode: 'backup', kills: LONG ? 20 : 3 },
    { mode: 'drain', kills: LONG ? 20 : 3 },
  ];
  for (const { mode, kills } of cases) {
    it(`loses nothing committed and breaks nothing: ${kills} kills during ${mode === 'work' ? 'registration, correction and consent' : mode}`, async () => {
      const dir = path.join(root, mode, 'data');
      let centralUrl: string | undefined;
      if (mode === 'drain') {
        central ??= await startCentral();
        centralUrl = central.url;
      }
      await prepare(dir, centralUrl);
      const all: Committed[] = [];
      for (let k = 0; k < kills; k++) {
        all.push(...(await runAndKill(dir, mode, k * 1000, centralUrl)));
        // Everything committed by every run so far: a later crash must not damage older work.
        await check(dir, all);
      }
      // The kills did land while work was being committed.
      expect(all.filter((c) => c.op !== 'ready').length).toBeGreaterThan(0);
    }, (LONG ? 7200 : 600) * 1000);
  }
});
