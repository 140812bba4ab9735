import { cpus, totalmem } from 'node:os';
import { runCentralLoadBench } from './central-load.js';
import { runCipherBench } from './cipher.js';
import { Report } from './report.js';
import { runSearchBench } from './search.js';
import { runSyncDrainBench, templateIntake } from './sync-drain.js';
import { runConsentPdfBench, runUnlockBench } from './unlock-pdf.js';

/**
 * `npm run bench [-- --quick] [-- --only=search,sync]`: every measure, one JSON line each,
 * then a table. `--quick` runs every measure at a reduced size (about a minute); the default
 * sizes are the ones the targets are stated for (1,000,000 patients, 10,000 intakes). Sizes
 * can be set one by one: BENCH_ROWS, BENCH_PATIENTS, BENCH_SYNC_INTAKES, BENCH_SYNC_SAMPLE,
 * BENCH_LOAD_INTAKES. The PostgreSQL variants run when CENTRAL_PG_URL is set.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = new Set(
  (args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? process.env.BENCH_ONLY ?? '')
    .split(',')
    .filter(Boolean),
);
const want = (name: string) => only.size === 0 || only.has(name);
const size = (env: string, full: number, small: number) => Number(process.env[env] ?? (quick ? small : full));

const sizes = {
  rows: size('BENCH_ROWS', 200_000, 3_000),
  patients: size('BENCH_PATIENTS', 1_000_000, 20_000),
  searchQueries: quick ? 100 : 300,
  unlockRounds: quick ? 3 : 10,
  pdfForms: quick ? 5 : 30,
  syncIntakes: size('BENCH_SYNC_INTAKES', 10_000, 200),
  syncSample: size('BENCH_SYNC_SAMPLE', 5_000, 300),
  loadIntakes: size('BENCH_LOAD_INTAKES', 200, 8),
};
const pgUrl = process.env.CENTRAL_PG_URL;

const report = new Report();
const started = performance.now();
console.log(
  JSON.stringify({
    bench: 'start',
    mode: quick ? 'quick' : 'full',
    sizes,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    postgres: pgUrl ? 'CENTRAL_PG_URL' : 'not set: PGlite only',
  }),
);

if (want('cipher')) runCipherBench(report, sizes.rows);
if (want('search')) await runSearchBench(report, sizes.patients, sizes.searchQueries);
if (want('unlock')) await runUnlockBench(report, sizes.unlockRounds);
if (want('pdf')) await runConsentPdfBench(report, sizes.pdfForms);
if (want('sync')) {
  await runSyncDrainBench(report, sizes.syncIntakes, sizes.syncSample);
  if (pgUrl) await runSyncDrainBench(report, sizes.syncIntakes, sizes.syncSample, pgUrl);
  else report.skip('sync-drain.postgresql', 'CENTRAL_PG_URL is not set');
}
if (want('central')) {
  const template = await templateIntake();
  await runCentralLoadBench(report, template, sizes.loadIntakes);
  if (pgUrl) await runCentralLoadBench(report, template, sizes.loadIntakes, pgUrl);
  else report.skip('central-load.postgresql', 'CENTRAL_PG_URL is not set');
}

console.log(JSON.stringify({ bench: 'end', seconds: Math.round((performance.now() - started) / 1000), measures: report.all().length }));
console.log(`\n${report.table()}`);
// PGlite and the HTTP agents may keep handles open; the bench is done.
process.exit(0);
