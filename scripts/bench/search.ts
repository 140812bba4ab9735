import { statSync } from 'node:fs';
import type { PatientSummary } from '../../electron/core/patients/patient-row.js';
import { foldForSearch } from '../../electron/core/patients/fold.js';
import { rng, syntheticPatient } from '../../electron/core/patients/seed.js';
import type { PatientInput } from '../../electron/core/patients/schema.js';
import type { Db } from '../../electron/core/store/database.js';
import type { PatientWriter } from '../../electron/core/patients/patient-writer.js';
import { openBenchDesk } from './desk.js';
import { mb, percentile, sortedMs, timeAsync, timeMs, type Report } from './report.js';
import { openBenchStore } from './stores.js';
import { icaoLatin, oneLetterMissing } from './translit.js';

/**
 * Search as the receptionist types, over N patients, through the core's API dispatch
 * (`patient.search`, the path the desk uses: access check, zod, the store's search) on the
 * encrypted store. Baseline: the same queries straight on a plain-SQLite store's reader, so the
 * ratio is what encryption and the API layer cost together. Kinds: IIN prefix, surname prefix,
 * a surname typed in Latin from a passport (ICAO 9303), a surname with one letter missing,
 * phone prefix, and the last four digits of a phone. For the last three, `hitRate` says how
 * often the intended patients were found at all: a search that does not support a kind answers
 * fast and finds nothing, and the figure must not be read as support.
 * Then the p95 of one registration committed on its own on the full store (`patient.create`).
 */
interface Sample {
  iin: string;
  surname: string;
  phone: string;
}

function populate(db: Db, patients: PatientWriter, n: number, label: string): Sample[] {
  const r = rng(3);
  const actor = { staffId: null, at: new Date().toISOString() };
  const sample: Sample[] = [];
  const batch = 5000;
  for (let i = 0; i < n; i += batch) {
    db.transaction(() => {
      for (let j = i; j < Math.min(n, i + batch); j++) {
        const p = syntheticPatient(r, j);
        if (p.iin && patients.byIin(p.iin)) continue;
        patients.create(p, actor);
        if (j % 97 === 0 && p.iin) sample.push({ iin: p.iin, surname: p.surname, phone: p.phone });
      }
    })();
    if ((i / batch) % 20 === 0) process.stderr.write(`  search ${label}: ${i.toLocaleString('en')} / ${n.toLocaleString('en')}\r`);
  }
  process.stderr.write('\n');
  return sample;
}

type Found = (results: PatientSummary[], s: Sample) => boolean;
const sameSurname: Found = (rs, s) => rs.some((x) => foldForSearch(x.surname) === foldForSearch(s.surname));

const KINDS: { kind: string; query: (s: Sample, pick: number) => string; found: Found }[] = [
  { kind: 'iin-prefix', query: (s) => s.iin.slice(0, 6), found: (rs, s) => rs.some((x) => x.iin?.startsWith(s.iin.slice(0, 6))) },
  { kind: 'surname-prefix', query: (s) => s.surname.slice(0, 4).toLowerCase(), found: sameSurname },
  { kind: 'surname-transliterated', query: (s) => icaoLatin(s.surname), found: sameSurname },
  { kind: 'surname-one-edit', query: (s, pick) => oneLetterMissing(s.surname, pick), found: sameSurname },
  { kind: 'phone-prefix', query: (s) => `8${s.phone.slice(2, 8)}`, found: (rs, s) => rs.some((x) => x.phone.startsWith(s.phone.slice(0, 8))) },
  { kind: 'phone-suffix', query: (s) => s.phone.slice(-4), found: (rs, s) => rs.some((x) => x.phone.endsWith(s.phone.slice(-4))) },
];

export async function runSearchBench(report: Report, n: number, queriesPerKind = 300): Promise<void> {
  // Baseline first, closed before the desk opens, so the RSS figure is the desk's.
  const plain = openBenchStore('plain');
  const plainSample = populate(plain.db, plain.patients, n, 'plain');
  const pick = rng(4);
  const queries = KINDS.map((k) => ({ ...k, qs: Array.from({ length: queriesPerKind }, () => plainSample[Math.floor(pick() * plainSample.length)]!).map((s, i) => ({ s, q: k.query(s, (i * 0.618) % 1) })) }));
  const base = new Map(queries.map((k) => [k.kind, sortedMs(k.qs.map(({ q }) => timeMs(() => plain.patients.search(q, 20))))]));
  const r0 = rng(5);
  const plainCommits = sortedMs(Array.from({ length: 200 }, (_, i) => timeMs(() => plain.patients.create(syntheticPatient(r0, n + 10 + i), { staffId: null, at: new Date().toISOString() }))));
  plain.close();

  const d = await openBenchDesk();
  try {
    const store = d.desk.store();
    populate(store.db, store.patients, n, 'aegis');
    for (const k of queries) {
      let hits = 0;
      const times: number[] = [];
      for (const { s, q } of k.qs) {
        let results: PatientSummary[] = [];
        times.push(
          await timeAsync(async () => {
            const res = await d.call('patient.search', { query: q, limit: 20 });
            if (!res.ok) throw new Error(`patient.search failed: ${res.error.code}`);
            results = res.value as PatientSummary[];
          }),
        );
        if (k.found(results, s)) hits += 1;
      }
      const t = sortedMs(times);
      const b = base.get(k.kind) ?? [];
      const hitRate = hits / k.qs.length;
      report.add({
        name: `search.${k.kind}.p95`,
        value: percentile(t, 95),
        unit: 'ms',
        baseline: { value: percentile(b, 95), name: 'plain SQLite, store reader directly' },
        target: { kind: 'max', value: 10 },
        details: { patients: n, queries: k.qs.length, p50Ms: percentile(t, 50), example: k.kind.startsWith('surname') ? k.qs[0]?.q : undefined, hitRate },
        ...(hitRate < 0.5 ? { note: `the search found the intended patients for ${Math.round(hitRate * 100)}% of these queries: this kind is not (fully) supported by the current search; the time is that of a search that finds little` } : {}),
      });
    }
    const r = rng(6);
    const commits: number[] = [];
    for (let i = 0; commits.length < 200 && i < 1000; i++) {
      const p: PatientInput = syntheticPatient(r, n + 10_000 + i);
      // As at the desk: the duplicate check runs while she types; the timed call is the save.
      const dup = await d.must('patient.checkDuplicates', { iin: p.iin, surname: p.surname, givenName: p.givenName, birthDate: p.birthDate, phone: p.phone });
      const { exact, similar } = dup as { exact: unknown; similar: { id: string }[] };
      if (exact || similar.length > 50) continue;
      const override = similar.length ? { reason: 'bench: synthetic names repeat', candidateIds: similar.map((c) => c.id) } : undefined;
      commits.push(await timeAsync(() => d.must('patient.create', { patient: p, ...(override ? { override } : {}) })));
    }
    report.add({
      name: 'registration-commit.p95',
      value: percentile(sortedMs(commits), 95),
      unit: 'ms',
      baseline: { value: percentile(plainCommits, 95), name: 'plain SQLite, writer directly' },
      details: { patients: n, p50Ms: percentile(sortedMs(commits), 50) },
    });
    const file = d.desk.storeFile;
    const size = statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    report.add({ name: 'search.store-size', value: mb(size), unit: 'MB', details: { patients: n, bytesPerPatient: Math.round(size / n) } });
    report.add({
      name: 'search.process-rss',
      value: mb(process.memoryUsage().rss),
      unit: 'MB',
      target: { kind: 'max', value: 250 },
      details: { patients: n },
      note: 'RSS of the bench process holding the open encrypted store after the searches (the bench harness included)',
    });
  } finally {
    d.cleanup();
  }
}
