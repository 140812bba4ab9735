import { rng, syntheticPatient } from '../../electron/core/patients/seed.js';
import { line, openBenchStore, percentile, round, timeMs, type Variant } from './stores.js';

/**
 * The registration workload across ciphers: N patients through the app's own writer (patient
 * row with three indexes, FTS entry, history, audit entry with its hash chain, outbox), in
 * transactions of BATCH, then random indexed lookups by IIN. Plain SQLite is the baseline.
 */
export function runCipherBench(n: number, batch = 100, lookups = 20_000): void {
  const variants: Variant[] = ['plain', 'aegis', 'chacha20', 'sqlcipher'];
  const results = new Map<Variant, { writeMs: number; lookupP50: number; lookupP95: number }>();
  for (const variant of variants) {
    const store = openBenchStore(variant);
    const r = rng(1);
    const iins: string[] = [];
    const actor = { staffId: null, at: new Date().toISOString() };
    const writeMs = timeMs(() => {
      for (let i = 0; i < n; i += batch) {
        store.db.transaction(() => {
          for (let j = i; j < Math.min(n, i + batch); j++) {
            const p = syntheticPatient(r, j);
            if (p.iin && store.patients.byIin(p.iin)) continue;
            store.patients.create(p, actor);
            if (p.iin && j % 10 === 0) iins.push(p.iin);
          }
        })();
      }
    });
    const pick = rng(2);
    const samples: number[] = [];
    const get = store.db.prepare('SELECT id FROM patient WHERE iin = ?');
    for (let i = 0; i < lookups; i++) {
      const iin = iins[Math.floor(pick() * iins.length)]!;
      samples.push(timeMs(() => get.get(iin)));
    }
    samples.sort((a, b) => a - b);
    results.set(variant, { writeMs, lookupP50: percentile(samples, 50), lookupP95: percentile(samples, 95) });
    store.close();
  }
  const base = results.get('plain')!;
  for (const [variant, r] of results) {
    line({
      bench: 'registration-workload',
      variant,
      rows: n,
      batch,
      writeSeconds: round(r.writeMs / 1000, 2),
      rowsPerSecond: Math.round(n / (r.writeMs / 1000)),
      writeRatioVsPlain: round(r.writeMs / base.writeMs),
      lookupP50Us: round(r.lookupP50 * 1000, 1),
      lookupP95Us: round(r.lookupP95 * 1000, 1),
      lookupP95RatioVsPlain: round(r.lookupP95 / base.lookupP95),
    });
  }
}
