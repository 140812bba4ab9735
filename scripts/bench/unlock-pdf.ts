import { chromiumPath, ChromiumPrintService } from '../../electron/loopback/chromium-print.js';
import { dispatch } from '../../electron/core/api/dispatch.js';
import { DeskCore } from '../../electron/core/desk.js';
import { Session } from '../../electron/core/session.js';
import { openStore } from '../../electron/core/store/database.js';
import { samplePatient } from '../../electron/core/testing/patients.js';
import { openBenchDesk, RECEPTION } from './desk.js';
import { percentile, sortedMs, timeAsync, timeMs, type Report } from './report.js';

/**
 * Unlock: from the receptionist's password to the answer of her first search, on a desk whose
 * store is closed, with the production key-derivation cost (scrypt). Baseline: the same store
 * opened with its raw key (no key derivation) and the same first query.
 */
export async function runUnlockBench(report: Report, rounds: number): Promise<void> {
  const d = await openBenchDesk();
  const { dataKey } = d.desk.store().keys;
  const cipher = d.desk.store().cipher;
  const file = d.desk.storeFile;
  d.desk.close();
  try {
    const unlock: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const desk = new DeskCore({ dataDir: d.dir, resourcesDir: d.desk.resourcesDir });
      const ctx = { desk, session: new Session(), transport: 'test' as const };
      unlock.push(
        await timeAsync(async () => {
          const login = await dispatch(ctx, 'auth.login', RECEPTION);
          const found = await dispatch(ctx, 'patient.search', { query: 'ахм', limit: 20 });
          if (!login.ok || !found.ok) throw new Error('unlock failed');
        }),
      );
      desk.close();
      raw.push(
        timeMs(() => {
          const db = openStore({ file, key: dataKey, cipher });
          db.prepare("SELECT id FROM patient WHERE search_name >= 'ахм' ORDER BY search_name LIMIT 20").all();
          db.close();
        }),
      );
    }
    const u = sortedMs(unlock);
    report.add({
      name: 'unlock.p50',
      value: percentile(u, 50),
      unit: 'ms',
      baseline: { value: percentile(sortedMs(raw), 50), name: 'the same store opened with its raw key (no key derivation)' },
      target: { kind: 'max', value: 300 },
      details: { rounds, maxMs: u.at(-1), keyDerivation: 'scrypt, production cost' },
    });
  } finally {
    d.cleanup();
  }
}

const PURPOSES = ['lab-services', 'medical-records', 'contract-performance', 'legal-obligations', 'result-notification', 'website-account'].map((id, i) => ({ id, chosen: i < 4 }));

/**
 * A consent form rendered to PDF (text, template, Chromium's print engine), through
 * `consent.prepare` as the desk calls it. The first form starts the browser (cold, the
 * baseline); the target is for the warm ones after it.
 */
export async function runConsentPdfBench(report: Report, forms: number): Promise<void> {
  const exe = chromiumPath();
  if (!exe) {
    report.skip('consent-pdf.warm.p50', 'Chromium is not installed (/usr/bin/chromium or CHROMIUM_PATH)');
    return;
  }
  const print = new ChromiumPrintService(exe);
  const d = await openBenchDesk({ print });
  try {
    const patient = (await d.must('patient.create', { patient: samplePatient() })) as { id: string };
    const render = () => d.must('consent.prepare', { patientId: patient.id, language: 'kk+ru', purposes: PURPOSES, signer: { kind: 'subject' } });
    const cold = await timeAsync(render);
    const warm: number[] = [];
    for (let i = 0; i < forms; i++) warm.push(await timeAsync(render));
    const w = sortedMs(warm);
    report.add({
      name: 'consent-pdf.warm.p50',
      value: percentile(w, 50),
      unit: 'ms',
      baseline: { value: cold, name: 'the first form (cold: the browser starts)' },
      target: { kind: 'max', value: 300 },
      details: { forms, p95Ms: percentile(w, 95), language: 'kk+ru (two texts on one form)' },
    });
  } finally {
    d.cleanup();
    await print.close();
  }
}
