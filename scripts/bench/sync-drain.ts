import { randomUUID } from 'node:crypto';
import { FHIR_SYSTEMS } from '../../electron/core/fhir/systems.js';
import { FAST, prepareBranch, waitFor } from '../../electron/core/sync/testing/branch.js';
import { BRANCH_TOKENS, startCentral } from '../../electron/core/sync/testing/central.js';
import { addIntakes } from '../../electron/core/sync/testing/records.js';
import { makeSyncDesk } from '../../electron/core/sync/testing/sync-desk.js';

/**
 * Sync drain benchmark: N queued intakes (a patient with a signed consent: Patient, Consent,
 * the consent's DocumentReference and their audit entries, as the desk queues them) drained
 * to the reference central server (PGlite, in memory) over loopback HTTP, with the engine's
 * production batching. Two baselines from the same run put the number in context:
 * - one-per-request: the same kind of resources, one PUT per transaction, as a naive client
 *   would send them (sampled, since running all of them would take minutes);
 * - central-ceiling: what the server itself takes in 500-entry transactions without HTTP or
 *   a client (fastify inject), i.e. the best any client could do.
 * BENCH_SYNC_INTAKES sets N (default 10000). Prints one JSON line per measurement.
 */
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function engineDrain(intakes: number) {
  const central = await startCentral();
  const fx = makeSyncDesk({ config: { ...FAST, pollIntervalMs: 60_000, requestTimeoutMs: 60_000, batch: { min: 10, max: 500, initial: 50, slowMs: 10_000 } } });
  try {
    central.server.app.server.unref();
    const b = await prepareBranch(fx, { url: central.url, token: BRANCH_TOKENS['ALA-01'] });
    await waitFor('the setup to go up', () => fx.sync().status().queued === 0, 60_000);
    await fx.sync().stop();
    // Queue everything first (the branch was offline), then measure the drain alone.
    const t0 = performance.now();
    await addIntakes(fx, b, intakes, { staffId: b.reception.session.staff?.id ?? null, at: fx.desk.nowIso() });
    const queueMs = performance.now() - t0;
    const queued = fx.desk.store().db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number };
    fx.desk.close();
    const restarted = makeSyncDesk({ dir: fx.dir, config: { ...FAST, pollIntervalMs: 60_000, requestTimeoutMs: 60_000, batch: { min: 10, max: 500, initial: 50, slowMs: 10_000 } } });
    const { dispatch } = await import('../../electron/core/api/dispatch.js');
    const { Session } = await import('../../electron/core/session.js');
    const login = await dispatch(restarted.ctx(new Session()), 'auth.login', { login: 'reception', password: 'receptionist-pw-1' });
    if (!login.ok) throw new Error('login failed');
    // From the store opening (where the engine starts by itself) to an empty queue.
    const started = performance.now();
    await waitFor('the backlog to drain', () => restarted.sync().status().queued === 0, 30 * 60_000, 50);
    const ms = performance.now() - started;
    restarted.cleanup();
    return { queued: queued.n, ms, queueMs };
  } finally {
    await central.close();
  }
}

function patient(id: string, i: number): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: FHIR_SYSTEMS.iin, value: String(700000000000 + i) }],
    name: [{ family: 'Ахметова', given: ['Айгерім'] }],
    gender: 'female',
    birthDate: '1990-01-01',
  };
}

async function oneRequestEach(n: number) {
  const central = await startCentral();
  try {
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const res = await fetch(central.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${BRANCH_TOKENS['ALA-01']}`, 'content-type': 'application/fhir+json' },
        body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: patient(id, i), request: { method: 'PUT', url: `Patient/${id}` } }] }),
      });
      if (res.status !== 200) throw new Error(`baseline PUT failed: ${res.status}`);
      await res.arrayBuffer();
    }
    return performance.now() - started;
  } finally {
    await central.close();
  }
}

async function centralCeiling(n: number) {
  const central = await startCentral();
  try {
    const started = performance.now();
    for (let done = 0; done < n; done += 500) {
      const entry = Array.from({ length: Math.min(500, n - done) }, (_, k) => {
        const id = randomUUID();
        return { resource: patient(id, done + k), request: { method: 'PUT', url: `Patient/${id}` } };
      });
      const res = await central.server.app.inject({
        method: 'POST',
        url: '/fhir',
        headers: { authorization: `Bearer ${BRANCH_TOKENS['ALA-01']}`, 'content-type': 'application/fhir+json' },
        payload: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }),
      });
      if (res.statusCode !== 200) throw new Error(`ceiling transaction failed: ${res.statusCode}`);
    }
    return performance.now() - started;
  } finally {
    await central.close();
  }
}

export async function run(): Promise<void> {
  const intakes = Number(process.env.BENCH_SYNC_INTAKES ?? 10_000);
  const drain = await engineDrain(intakes);
  const sample = Math.min(1000, drain.queued);
  const oneMs = await oneRequestEach(sample);
  const ceilMs = await centralCeiling(Math.min(5000, drain.queued));
  const engineRate = rate(drain.queued, drain.ms);
  const oneRate = rate(sample, oneMs);
  const ceilRate = rate(Math.min(5000, drain.queued), ceilMs);
  line({
    bench: 'sync-drain',
    intakes,
    resources: drain.queued,
    totalMs: Math.round(drain.ms),
    resourcesPerSecond: engineRate,
    intakesPerSecond: rate(intakes, drain.ms),
    queueingMs: Math.round(drain.queueMs),
    vsOnePerRequest: Number((engineRate / oneRate).toFixed(2)),
    vsCentralCeiling: Number((engineRate / ceilRate).toFixed(2)),
  });
  line({ bench: 'sync-drain.baseline-one-per-request', resources: sample, totalMs: Math.round(oneMs), resourcesPerSecond: oneRate });
  line({ bench: 'sync-drain.baseline-central-ceiling', resources: Math.min(5000, drain.queued), totalMs: Math.round(ceilMs), resourcesPerSecond: ceilRate });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
