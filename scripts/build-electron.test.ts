import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../electron/core/maintenance/backup.js';
import { AppError } from '../electron/core/errors.js';
import { CoreClient, type HostServices } from '../electron/core/port/core-client.js';
import { nodePort } from '../electron/core/port/port.js';
import { expectOk, makeDesk, SAMPLE_SETUP } from '../electron/core/testing/desk-fixture.js';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { buildElectron } from './build-electron.mjs';

/**
 * The Electron build itself, run under Node: the core-process bundle serves the handler map
 * over a real MessagePort from its own thread (as it does from Electron's utilityProcess),
 * and the bundled backup worker is found by the path the shell passes, so a backup copies
 * off the core's thread with real progress. Built inside the repository, so the bundles
 * resolve the native addon from node_modules as the app does.
 */
const out = path.resolve('.cache', `electron-bundle-test-${process.pid}`);
let files: string[];

beforeAll(async () => {
  files = (await (buildElectron as (dir: string) => Promise<string[]>)(out)).map((f) => path.basename(f));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the Electron bundles', () => {
  it('builds main, preload, the core process and the backup worker as separate files', () => {
    expect(files.sort()).toEqual(['core-process.cjs', 'main.cjs', 'preload.cjs', 'vacuum-worker.cjs']);
    // The preload runs sandboxed: it may require nothing but electron.
    const preload = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    // The core never needs electron: it must run in a utility process and in Node alike.
    expect(readFileSync(path.join(out, 'core-process.cjs'), 'utf8')).not.toMatch(/require\("electron"\)/);
  });

  it('the core-process bundle serves setup, login and a backup over a MessagePort from its own thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bundle-core-'));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(path.join(out, 'core-process.cjs'), { workerData: { port: port1 }, transferList: [port1] });
    const unavailable = async (): Promise<never> => {
      throw new AppError('print.unavailable');
    };
    const host: HostServices = { 'print.pdf': unavailable, 'print.paper': unavailable, 'print.printers': unavailable, 'keychain.seal': unavailable, 'keychain.open': unavailable };
    const client = new CoreClient({ port: nodePort(port2), host, onLog: () => undefined });
    try {
      await client.start({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve('resources'), vacuumWorker: path.join(out, 'vacuum-worker.cjs'), keychain: null, paper: false });
      expect(expectOk(await client.call('w', 'app.info', {}))).toMatchObject({ setupDone: false });
      expectOk(await client.call('w', 'setup.run', SAMPLE_SETUP));
      const manifest = expectOk(await client.call('w', 'backup.create', { outDir: path.join(dir, 'backup') }));
      expect(manifest).toMatchObject({ format: 1, schemaVersion: expect.any(Number) });
      const setup = expectOk(await client.call('w', 'print.setup', {}));
      expect(setup).toMatchObject({ paper: false, printers: [], printersError: 'print.unavailable' });
      await client.shutdown();
    } finally {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a backup runs in the bundled worker when the shell names it', async () => {
    const fx = makeDesk();
    try {
      expectOk(await fx.client().call('setup.run', SAMPLE_SETUP));
      const desk = fx.desk;
      Object.assign(desk.workers, { vacuum: path.join(out, 'vacuum-worker.cjs') });
      const { progressMode } = await createBackup(desk, path.join(fx.dir, 'backup'));
      expect(progressMode).toBe('worker');
    } finally {
      fx.cleanup();
    }
  });
});
