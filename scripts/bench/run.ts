import { runCipherBench } from './cipher.js';
import { runSearchBench } from './search.js';

/**
 * `npm run bench`: prints one JSON line per measurement. Sizes come from the environment so
 * a quick run is possible: BENCH_ROWS (cipher workload, default 200000), BENCH_PATIENTS
 * (search, default 1000000), BENCH_ONLY (cipher | search | sync).
 */
const only = process.env.BENCH_ONLY;
const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const patients = Number(process.env.BENCH_PATIENTS ?? 1_000_000);

if (!only || only === 'cipher') runCipherBench(rows);
if (!only || only === 'search') runSearchBench(patients);
if (!only || only === 'sync') {
  const mod = (await import('./sync-drain.js').catch(() => null)) as { run?: () => Promise<void> } | null;
  if (mod?.run) await mod.run();
  else console.log(JSON.stringify({ bench: 'sync-drain', skipped: 'scripts/bench/sync-drain.ts not present' }));
}
