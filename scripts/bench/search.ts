import { rng, syntheticPatient } from '../../electron/core/patients/seed.js';
import { line, openBenchStore, percentile, round, timeMs, type BenchStore, type Variant } from './stores.js';

/**
 * Search as the receptionist types, over N patients (default 1,000,000): IIN prefix, surname
 * prefix and phone prefix, p50/p95 per kind; then the p95 of committing one registration
 * (its own transaction, synchronous=FULL) on the full store. AEGIS against plain SQLite.
 */
function populate(store: BenchStore, n: number): { iins: string[]; surnames: string[]; phones: string[] } {
  const r = rng(3);
  const actor = { staffId: null, at: new Date().toISOString() };
  const sample = { iins: [] as string[], surnames: [] as string[], phones: [] as string[] };
  const batch = 5000;
  for (let i = 0; i < n; i += batch) {
    store.db.transaction(() => {
      for (let j = i; j < Math.min(n, i + batch); j++) {
        const p = syntheticPatient(r, j);
        if (p.iin && store.patients.byIin(p.iin)) continue;
        store.patients.create(p, actor);
        if (j % 997 === 0) {
          if (p.iin) sample.iins.push(p.iin);
          sample.surnames.push(p.surname);
          sample.phones.push(p.phone);
        }
      }
    })();
    if ((i / batch) % 20 === 0) process.stderr.write(`  ${store.variant}: ${i.toLocaleString('en')} / ${n.toLocaleString('en')}\r`);
  }
  process.stderr.write('\n');
  return sample;
}

function measure(store: BenchStore, queries: string[]): { p50: number; p95: number } {
  const ms = queries.map((q) => timeMs(() => store.patients.search(q, 20))).sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export function runSearchBench(n: number): void {
  const out = new Map<Variant, Record<string, { p50: number; p95: number }>>();
  for (const variant of ['plain', 'aegis'] as const) {
    const store = openBenchStore(variant);
    const s = populate(store, n);
    const pick = rng(4);
    const choose = (xs: string[], count: number, cut: (x: string) => string) => Array.from({ length: count }, () => cut(xs[Math.floor(pick() * xs.length)]!));
    const kinds: Record<string, string[]> = {
      'iin-prefix-6': choose(s.iins, 500, (x) => x.slice(0, 6)),
      'iin-full': choose(s.iins, 500, (x) => x),
      'surname-prefix-3': choose(s.surnames, 500, (x) => x.slice(0, 3).toLowerCase()),
      'surname-prefix-5': choose(s.surnames, 500, (x) => x.slice(0, 5)),
      'phone-prefix-8xxx': choose(s.phones, 500, (x) => `8${x.slice(2, 8)}`),
    };
    const res: Record<string, { p50: number; p95: number }> = {};
    for (const [kind, qs] of Object.entries(kinds)) res[kind] = measure(store, qs);
    const r = rng(5);
    const actor = () => ({ staffId: null, at: new Date().toISOString() });
    const commits = Array.from({ length: 300 }, (_, i) => timeMs(() => store.patients.create(syntheticPatient(r, n + 10 + i), actor()))).sort((a, b) => a - b);
    res['registration-commit'] = { p50: percentile(commits, 50), p95: percentile(commits, 95) };
    out.set(variant, res);
    store.close();
  }
  const base = out.get('plain')!;
  for (const [kind, r] of Object.entries(out.get('aegis')!)) {
    line({
      bench: kind === 'registration-commit' ? 'registration-commit' : 'search',
      kind,
      patients: n,
      cipher: 'aegis',
      p50Ms: round(r.p50),
      p95Ms: round(r.p95),
      plainP95Ms: round(base[kind]!.p95),
      p95RatioVsPlain: round(r.p95 / base[kind]!.p95),
    });
  }
}
