import type { Resource } from '@medplum/fhirtypes';
import { defaultBuilders } from '../../electron/core/sync/builders.js';
import type { OutboxResourceType } from '../../electron/core/sync/outbox.js';
import { FAST, prepareBranch, waitFor } from '../../electron/core/sync/testing/branch.js';
import { BRANCH_TOKENS, startCentral } from '../../electron/core/sync/testing/central.js';
import { spawnCentral } from './central-process.js';
import { addIntakes } from '../../electron/core/sync/testing/records.js';
import { makeSyncDesk } from '../../electron/core/sync/testing/sync-desk.js';
import type { Report } from './report.js';

/**
 * Sync drain benchmark: N queued intakes (a patient with a signed consent: Patient, Consent,
 * the consent's DocumentReference and their audit entries, as the desk queues them) drained
 * to the reference central server (PGlite, in memory; a process of its own) over loopback HTTP,
 * with the engine's production batching. Two baselines from the same run, on the first BENCH_SYNC_SAMPLE
 * (default 5000) of the very same queued resources, each into a fresh server:
 * - one-per-request: one PUT per transaction over HTTP, as a naive client would send them;
 * - central-ceiling: 500-entry transactions sent back to back by a bare HTTP client, i.e. the
 *   best any client could do.
 * The drain's rate is over all N intakes, into a server that grows as it goes; the baselines
 * start empty, so the ratios slightly favour the baselines. With `pgUrl`, the central server
 * runs on that PostgreSQL instead of PGlite.
 */
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const BENCH_BATCH = { min: 10, max: 500, initial: 50, slowMs: 10_000 };

/** The first `n` queued resources, built as the engine would send them. */
export function sampleOf(fx: ReturnType<typeof makeSyncDesk>, n: number): Sample {
  const store = fx.desk.store();
  const builders = defaultBuilders();
  const ctx = { db: store.db, branchCode: fx.desk.branch().code, patients: store.patients };
  const rows = store.db.prepare("SELECT resource_type, resource_id FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?").all(n) as { resource_type: OutboxResourceType; resource_id: string }[];
  return rows.flatMap((r) => {
    const built = builders[r.resource_type]?.build(ctx, r.resource_id);
    return built ? [{ type: r.resource_type, id: r.resource_id, resource: built.resource }] : [];
  });
}

async function engineDrain(intakes: number, sampleSize: number, pgUrl: string | undefined) {
  const central = await spawnCentral(BRANCH_TOKENS, pgUrl);
  const fx = makeSyncDesk({ config: { ...FAST, pollIntervalMs: 60_000, requestTimeoutMs: 60_000, batch: BENCH_BATCH } });
  try {
    const b = await prepareBranch(fx, { url: central.url, token: BRANCH_TOKENS['ALA-01'] });
    await waitFor('the setup to go up', () => fx.sync().status().queued === 0, 60_000);
    await fx.sync().stop();
    // Queue everything first (the branch was offline), then measure the drain alone.
    const t0 = performance.now();
    await addIntakes(fx, b, intakes, { staffId: b.reception.session.staff?.id ?? null, at: fx.desk.nowIso() });
    const queueMs = performance.now() - t0;
    const sample = sampleOf(fx, sampleSize);
    const queued = fx.desk.store().db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number };
    fx.desk.close();
    const restarted = makeSyncDesk({ dir: fx.dir, config: { ...FAST, pollIntervalMs: 60_000, requestTimeoutMs: 60_000, batch: BENCH_BATCH } });
    const { dispatch } = await import('../../electron/core/api/dispatch.js');
    const { Session } = await import('../../electron/core/session.js');
    const login = await dispatch(restarted.ctx(new Session()), 'auth.login', { login: 'reception', password: 'receptionist-pw-1' });
    if (!login.ok) throw new Error('login failed');
    // From the store opening (where the engine starts by itself) to an empty queue.
    const started = performance.now();
    await waitFor('the backlog to drain', () => restarted.sync().status().queued === 0, 30 * 60_000, 50);
    const ms = performance.now() - started;
    restarted.cleanup();
    return { queued: queued.n, ms, queueMs, sample };
  } finally {
    await central.close();
  }
}

export type Sample = { type: string; id: string; resource: Resource }[];

export const put = (r: Sample[number]) => ({ resource: r.resource, request: { method: 'PUT', url: `${r.type}/${r.id}` } });

async function postBundle(url: string, entries: Sample) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${BRANCH_TOKENS['ALA-01']}`, 'content-type': 'application/fhir+json' },
    body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: entries.map(put) }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`baseline upload failed: ${res.status}`);
}

/** Each resource in a transaction of its own, as a naive client would send them. */
async function oneRequestEach(sample: Sample, pgUrl: string | undefined) {
  const central = await spawnCentral(BRANCH_TOKENS, pgUrl);
  try {
    const started = performance.now();
    for (const r of sample) await postBundle(central.url, [r]);
    return performance.now() - started;
  } finally {
    await central.close();
  }
}

/** 500-entry transactions sent back to back: what the server takes at most, with no desk in the way. */
async function centralCeiling(sample: Sample, pgUrl: string | undefined) {
  const central = await spawnCentral(BRANCH_TOKENS, pgUrl);
  try {
    const started = performance.now();
    for (let done = 0; done < sample.length; done += 500) await postBundle(central.url, sample.slice(done, done + 500));
    return performance.now() - started;
  } finally {
    await central.close();
  }
}

export async function runSyncDrainBench(report: Report, intakes: number, sampleSize: number, pgUrl?: string): Promise<void> {
  const db = pgUrl ? 'postgresql' : 'pglite';
  const drain = await engineDrain(intakes, sampleSize, pgUrl);
  const sample = drain.sample;
  const oneMs = await oneRequestEach(sample, pgUrl);
  const ceilMs = await centralCeiling(sample, pgUrl);
  const engineRate = rate(drain.queued, drain.ms);
  const ceilRate = rate(sample.length, ceilMs);
  report.add({
    name: `sync-drain.${db}`,
    value: engineRate,
    unit: 'resources/s',
    baseline: { value: ceilRate, name: `central write ceiling: the first ${sample.length} of the same resources in 500-entry transactions sent back to back to a fresh server (no desk)` },
    target: { kind: 'min', value: 2000 },
    details: {
      intakes,
      resources: drain.queued,
      totalMs: Math.round(drain.ms),
      intakesPerSecond: rate(intakes, drain.ms),
      queueingMs: Math.round(drain.queueMs),
      onePutPerRequestResourcesPerSecond: rate(sample.length, oneMs),
      ceilingResourcesPerSecond: ceilRate,
      database: pgUrl ? 'PostgreSQL (CENTRAL_PG_URL)' : 'PGlite in memory',
    },
  });
}

/**
 * One intake (a patient, the signed consent, its PDF and their audit entries) exactly as the
 * desk queues it, for load generators that need many: queued on a real desk and built by the
 * engine's own builders.
 */
export async function templateIntake(): Promise<Sample> {
  const central = await startCentral();
  const fx = makeSyncDesk({ config: { ...FAST, pollIntervalMs: 60_000 } });
  try {
    const b = await prepareBranch(fx, { url: central.url, token: BRANCH_TOKENS['ALA-01'] });
    await waitFor('the setup to go up', () => fx.sync().status().queued === 0, 60_000);
    await fx.sync().stop();
    await addIntakes(fx, b, 3, { staffId: b.reception.session.staff?.id ?? null, at: fx.desk.nowIso() });
    const all = sampleOf(fx, 1000);
    const last = all.filter((r) => r.type === 'Patient').at(-1);
    if (!last) throw new Error('no patient queued');
    return all.filter((r) => r === last || JSON.stringify(r.resource).includes(`Patient/${last.id}`));
  } finally {
    fx.cleanup();
    await central.close();
  }
}
