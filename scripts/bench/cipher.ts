import { rng, syntheticPatient } from '../../electron/core/patients/seed.js';
import { percentile, round, sortedMs, timeMs, type Report } from './report.js';
import { openBenchStore, type Variant } from './stores.js';

/**
 * The registration workload across ciphers: N patients through the app's own writer (patient
 * row with three indexes, FTS entry, history, audit entry with its hash chain, outbox), in
 * transactions of `batch`, then random indexed lookups by IIN. Plain SQLite is the baseline;
 * AEGIS (the app's cipher) has the target, the other ciphers are shown for comparison.
 */
export function runCipherBench(report: Report, n: number, batch = 100, lookups = 20_000): void {
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
    const get = store.db.prepare('SELECT id FROM patient WHERE iin = ?');
    const samples = sortedMs(Array.from({ length: lookups }, () => timeMs(() => get.get(iins[Math.floor(pick() * iins.length)]))));
    results.set(variant, { writeMs, lookupP50: percentile(samples, 50), lookupP95: percentile(samples, 95) });
    store.close();
  }
  const base = results.get('plain');
  if (!base) return;
  for (const [variant, r] of results) {
    if (variant === 'plain') continue;
    report.add({
      name: `registration-workload.${variant}`,
      value: r.writeMs / 1000,
      unit: 's',
      baseline: { value: base.writeMs / 1000, name: 'plain SQLite, same writer and rows' },
      target: variant === 'aegis' ? { kind: 'max', value: 1.05, of: 'ratio' } : null,
      details: {
        rows: n,
        batch,
        rowsPerSecond: Math.round(n / (r.writeMs / 1000)),
        plainRowsPerSecond: Math.round(n / (base.writeMs / 1000)),
        iinLookupP50Us: round(r.lookupP50 * 1000, 1),
        iinLookupP95Us: round(r.lookupP95 * 1000, 1),
        plainIinLookupP95Us: round(base.lookupP95 * 1000, 1),
      },
    });
  }
}
