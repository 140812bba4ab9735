import { afterEach, describe, expect, it } from 'vitest';
import { defaultBuilders } from './builders.js';
import { prepareBranch, waitFor } from './testing/branch.js';
import { BRANCH_TOKENS, centralContents, centralVersionCount, startCentral, type RunningCentral } from './testing/central.js';
import { startFaultProxy, type FaultProxy } from './testing/fault-proxy.js';
import { addIntakes, localHashes } from './testing/records.js';
import { makeSyncDesk, type SyncDesk } from './testing/sync-desk.js';
import { contentHash } from './wire.js';

/**
 * The big one: 10,000 records (2,000 patients, each with a signed consent, its PDF and two
 * audit entries, plus the setup's own entries) drain through a proxy that breaks 30 % of
 * requests in every way it knows, and the central system ends up with exactly the desk's
 * records.
 */
const PATIENTS = Number(process.env.SYNC_CHAOS_PATIENTS ?? 2000);
const FAILURE_RATE = Number(process.env.SYNC_CHAOS_FAILURE_RATE ?? 0.3);
const backends: [string, string | undefined][] = [['PGlite', undefined], ...(process.env.CENTRAL_PG_URL ? [['PostgreSQL', process.env.CENTRAL_PG_URL] as [string, string]] : [])];

let central: RunningCentral | null = null;
let proxy: FaultProxy | null = null;
let fx: SyncDesk | null = null;
afterEach(async () => {
  fx?.cleanup();
  await proxy?.close();
  await central?.close();
  fx = null;
  proxy = null;
  central = null;
});

describe.each(backends)('draining through a faulty link (central on %s)', (_name, pgUrl) => {
  it(`drains ${PATIENTS * 5} records with ${FAILURE_RATE * 100}% of requests failing: same count, same content, no duplicates, nothing lost`, { timeout: 120_000 }, async () => {
    central = await startCentral(pgUrl ? { pgUrl } : {});
    proxy = await startFaultProxy({
      target: { host: '127.0.0.1', port: central.port },
      seed: 20261125,
      failureRate: FAILURE_RATE,
      // Retry-After answers cost a whole second each; weigh them lower so the run stays short.
      weights: { reset: 2, status500: 2, status503: 1, status429: 1, hang: 1, lostAfterCommit: 3 },
      slowRate: 0.1,
      slowBytesPerSecond: 4 * 1024 * 1024,
      retryAfterSeconds: 1,
    });
    // Timings come from the engine's configuration: short deadlines and backoff for a test.
    fx = makeSyncDesk({
      seed: 7,
      config: {
        requestTimeoutMs: 2500,
        probeTimeoutMs: 1000,
        pollIntervalMs: 100,
        probeIntervalMs: 100,
        offlineAfterFailures: 6,
        pullPageSize: 1000,
        batch: { min: 10, max: 400, initial: 100, slowMs: 2000 },
        backoff: { baseMs: 20, maxMs: 400, maxRetryAfterMs: 1500 },
      },
    });
    // Configure while the link is down, so the queue fills first and then drains as a backlog.
    proxy.setDown(true);
    const b = await prepareBranch(fx, { url: proxy.url('/fhir'), token: BRANCH_TOKENS['ALA-01'] });
    const store = fx.desk.store();
    const actor = { staffId: b.reception.session.staff?.id ?? null, at: fx.desk.nowIso() };
    await addIntakes(fx, b, PATIENTS, actor);
    const queued = fx.sync().status().queued;
    expect(queued).toBeGreaterThanOrEqual(PATIENTS * 5);

    const started = performance.now();
    proxy.setDown(false);
    fx.sync().notifyOnline();
    let maxFraction = 0;
    const off = fx.sync().on((e) => {
      if (e.type === 'status' && e.status.drain) maxFraction = Math.max(maxFraction, e.status.drain.fraction);
    });
    const progress = setInterval(() => process.env.SYNC_DEBUG && console.log(JSON.stringify({ status: fx?.sync().status(), proxy: proxy?.counts })), 5000);
    await waitFor('the outbox to drain', () => fx!.sync().status().queued === 0, 100_000, 100).finally(() => clearInterval(progress));
    const drainMs = performance.now() - started;
    off();
    console.log(JSON.stringify({ test: 'chaos-drain', backend: _name, records: queued, ms: Math.round(drainMs), proxy: proxy.counts }));

    const status = fx.sync().status();
    expect(status).toMatchObject({ queued: 0, failed: 0, conflicts: 0 });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(maxFraction).toBeGreaterThan(0);
    // Every kind of fault really happened.
    for (const k of ['reset', 'status500', 'status503', 'status429', 'hang', 'lostAfterCommit', 'slow'] as const) expect(proxy.counts[k], k).toBeGreaterThan(0);

    // The central system holds exactly the desk's records, with the same content.
    const builders = defaultBuilders();
    const ids = (sql: string) => (store.db.prepare(sql).all() as { id: string }[]).map((r) => r.id);
    const code = fx.desk.branch().code;
    const expected = [
      ['Patient', ids('SELECT id FROM patient')],
      ['AuditEvent', ids('SELECT id FROM audit_log')],
      ['Consent', ids('SELECT id FROM consent')],
      ['DocumentReference', ids('SELECT id FROM consent WHERE pdf IS NOT NULL')],
    ] as const;
    expect(expected.reduce((n, [, list]) => n + list.length, 0)).toBeGreaterThanOrEqual(10_000);
    for (const [type, ids] of expected) {
      const remote = await centralContents(central.server, type);
      const local = localHashes(store.db, builders, type, ids, code, store.patients);
      expect(remote.size, `${type} count`).toBe(ids.length);
      const lost = ids.filter((id) => !remote.has(id));
      expect(lost, `${type} lost`).toEqual([]);
      const differing = ids.filter((id) => contentHash(remote.get(id)!.content) !== local.get(id));
      expect(differing, `${type} content`).toEqual([]);
      // Replays were answered, never written again: one stored version per record.
      expect(await centralVersionCount(central.server, type), `${type} versions`).toBe(ids.length);
    }
    const iins = await central.server.sql.query<{ n: number; d: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT value)::int AS d FROM patient_identifier WHERE system = 'https://fhir.aimedlab.kz/sid/iin'",
    );
    expect(iins[0]?.n).toBe(iins[0]?.d);
    // Every local patient records the central version it now has.
    expect(store.db.prepare('SELECT count(*) AS n FROM patient WHERE remote_version IS NULL').get()).toEqual({ n: 0 });
  });
});
