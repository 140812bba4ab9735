import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FHIR_SYSTEMS } from '../../electron/core/fhir/systems.js';
import { spawnCentral } from './central-process.js';
import { percentile, sortedMs, timeAsync, type Report } from './report.js';
import { put, type Sample } from './sync-drain.js';

/**
 * The central server with 20 branches draining backlogs at once (each sends its intakes in
 * transactions of 40 intakes, 200 resources, the engine's largest batch), while a 21st
 * branch uploads one patient's intake at a time, as a desk does after a registration. Total
 * resources/s, and the p95 of that single-patient upload. The branches are HTTP clients over
 * loopback sending what the desk's builders made (one real intake, copied with fresh ids and
 * IINs), not 20 desks: the central server is what is measured. Baselines from the same run:
 * one branch draining alone, and the single-patient upload on an idle server.
 */
const BRANCHES = 20;
const INTAKES_PER_BATCH = 40;

function iinFor(n: number): string {
  return String(800_000_000_000 + n);
}

/** The template intake with fresh ids and a fresh IIN. */
function copyIntake(template: Sample, n: number): Sample {
  const patient = template.find((r) => r.type === 'Patient');
  const iin = (patient?.resource as { identifier?: { system?: string; value?: string }[] } | undefined)?.identifier?.find((i) => i.system === FHIR_SYSTEMS.iin)?.value;
  let json = JSON.stringify(template);
  for (const r of template) json = json.split(r.id).join(randomUUID());
  if (iin) json = json.split(iin).join(iinFor(n));
  return JSON.parse(json) as Sample;
}

export async function runCentralLoadBench(report: Report, template: Sample, intakesPerBranch: number, pgUrl?: string): Promise<void> {
  const tokens = Object.fromEntries(Array.from({ length: BRANCHES + 1 }, (_, i) => [`BR${String(i).padStart(2, '0')}`, `bench-load-token-${i}-0123456789abcdef`]));
  const central = await spawnCentral(tokens, pgUrl);
  const url = central.url;
  let serial = 0;
  const send = async (branch: string, resources: Sample) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[branch]}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: resources.map(put) }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`upload refused: ${res.status}`);
  };
  const drain = async (branch: string) => {
    for (let done = 0; done < intakesPerBranch; done += INTAKES_PER_BATCH) {
      const batch = Array.from({ length: Math.min(INTAKES_PER_BATCH, intakesPerBranch - done) }, () => copyIntake(template, serial++)).flat();
      await send(branch, batch);
    }
  };
  const probe = async (count: number, stop?: () => boolean) => {
    const times: number[] = [];
    for (let i = 0; i < count && !stop?.(); i++) {
      times.push(await timeAsync(() => send('BR00', copyIntake(template, serial++))));
      await sleep(100);
    }
    return sortedMs(times);
  };
  try {
    const idle = await probe(20);
    const aloneMs = await timeAsync(() => drain('BR01'));
    let draining = true;
    const started = performance.now();
    const busyProbe = probe(Number.POSITIVE_INFINITY, () => !draining);
    await Promise.all(Array.from({ length: BRANCHES }, (_, i) => drain(`BR${String(i + 1).padStart(2, '0')}`))).finally(() => {
      draining = false;
    });
    const allMs = performance.now() - started;
    const busy = await busyProbe;
    const perIntake = template.length;
    const total = (BRANCHES * intakesPerBranch * perIntake) / (allMs / 1000);
    const alone = (intakesPerBranch * perIntake) / (aloneMs / 1000);
    const db = pgUrl ? 'postgresql' : 'pglite';
    report.add({
      name: `central-load.${db}.throughput`,
      value: total,
      unit: 'resources/s',
      baseline: { value: alone, name: 'one branch draining alone' },
      details: { branches: BRANCHES, intakesPerBranch, resourcesPerIntake: perIntake, resourcesPerBatch: INTAKES_PER_BATCH * perIntake, totalMs: Math.round(allMs) },
    });
    report.add({
      name: `central-load.${db}.single-upload.p95`,
      value: percentile(busy, 95),
      unit: 'ms',
      baseline: { value: percentile(idle, 95), name: 'the same upload on an idle server' },
      target: { kind: 'max', value: 200 },
      details: { uploads: busy.length, p50Ms: percentile(busy, 50), resources: perIntake },
    });
  } finally {
    await central.close();
  }
}
