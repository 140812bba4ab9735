import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch.js';
import { Session } from '../session.js';
import { expectOk } from '../testing/desk-fixture.js';
import { defaultBuilders } from './builders.js';
import { FAST, prepareBranch, waitFor } from './testing/branch.js';
import { BRANCH_TOKENS, centralContents, centralVersionCount, startCentral, type RunningCentral } from './testing/central.js';
import { startFaultProxy, type FaultProxy } from './testing/fault-proxy.js';
import { localHashes, syntheticPatient } from './testing/records.js';
import { makeSyncDesk, type SyncDesk } from './testing/sync-desk.js';
import { contentHash } from './wire.js';

let central: RunningCentral;
let proxy: FaultProxy;
const desks: SyncDesk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) d.desk.close();
  await proxy?.close();
  await central?.close();
});

const CONFIG = { ...FAST, batch: { min: 5, max: 100, initial: 40, slowMs: 2000 } };

describe('killing the app mid-sync', () => {
  it('resumes after each restart from the same folder, with nothing lost and nothing written twice', { timeout: 60_000 }, async () => {
    central = await startCentral();
    proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: central.port }, seed: 5, failureRate: 0 });
    proxy.setDown(true);
    let fx = makeSyncDesk({ config: CONFIG });
    desks.push(fx);
    await prepareBranch(fx, { url: proxy.url('/fhir'), token: BRANCH_TOKENS['ALA-01'] });
    const dir = fx.dir;
    const store = fx.desk.store();
    store.db.transaction(() => {
      for (let i = 0; i < 300; i++) store.patients.create(syntheticPatient(i), { staffId: null, at: fx.desk.nowIso() });
    })();

    const committed: number[] = [];
    for (let kill = 0; kill < 3; kill++) {
      // Closed abruptly while a batch is in flight: the first time as the batch reaches the
      // proxy, then after the central system has committed it and before its answer arrives,
      // so the desk never learns that it went through.
      const killed = new Promise<void>((resolve) => {
        const die = () => {
          proxy.onRequest(null);
          proxy.onUpstreamResponse(null);
          fx.desk.close();
          resolve();
        };
        // Each run gets a little further before it dies: on its first, second, third upload.
        let posts = 0;
        if (kill === 0) proxy.onRequest((method) => method === 'POST' && die());
        else proxy.onUpstreamResponse((method, _path, status) => method === 'POST' && status === 200 && ++posts > kill && die());
      });
      proxy.setDown(false);
      if (fx.desk.isOpen()) fx.sync().notifyOnline();
      await killed;
      expect(fx.desk.isOpen()).toBe(false);
      // Let the central system finish the orphaned batch before the next start.
      await new Promise((r) => setTimeout(r, 300));
      committed.push(await central.server.admin.countResources('Patient'));

      fx = makeSyncDesk({ dir, config: CONFIG, seed: kill + 10 });
      desks.push(fx);
      const session = new Session();
      expectOk(await dispatch(fx.ctx(session), 'auth.login', { login: 'reception', password: 'receptionist-pw-1' }));
    }

    // Batches the killed desks never heard back about did reach the central system.
    expect(committed[0]).toBeGreaterThan(0);
    expect(committed[1]).toBeGreaterThan(committed[0]!);
    expect(committed[2]).toBeGreaterThan(committed[1]!);
    // The last start runs to the end by itself.
    await waitFor('the queue to drain after the restarts', () => fx.sync().status().queued === 0, 30_000);
    const s = fx.desk.store();
    expect(fx.sync().status()).toMatchObject({ queued: 0, failed: 0, conflicts: 0 });
    const code = fx.desk.branch().code;
    const builders = defaultBuilders();
    for (const [type, table] of [['Patient', 'patient'], ['AuditEvent', 'audit_log']] as const) {
      const ids = (s.db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => r.id);
      const remote = await centralContents(central.server, type);
      const local = localHashes(s.db, builders, type, ids, code, s.patients);
      expect(remote.size, type).toBe(ids.length);
      expect(ids.filter((id) => contentHash(remote.get(id)?.content ?? {}) !== local.get(id)), `${type} lost or different`).toEqual([]);
      expect(await centralVersionCount(central.server, type), `${type} written twice`).toBe(ids.length);
    }
    // After the uploads, the pull continues from a cursor kept in the store.
    await waitFor('a pull cursor', () => (s.db.prepare('SELECT pull_cursor FROM sync_state').get() as { pull_cursor: string | null }).pull_cursor !== null);
  });
});
