/**
 * The process the crash suite kills (crash.test.ts): a desk that works in a loop and prints one
 * line per operation as soon as it is committed, so the parent knows what must survive a
 * SIGKILL. `node --import tsx crash-child.ts <dataDir> <mode> [centralUrl]`. Modes:
 * - work: registers patients, corrects them, and takes signed consents;
 * - rekey: the same, with a rekey (new data key) between operations;
 * - backup: the same, with a backup between operations;
 * - drain: the same, while the sync engine drains the queue to the central server.
 * Never real data: synthetic patients only.
 */
import path from 'node:path';
import { dispatch } from '../api/dispatch.js';
import type { HandlerContext } from '../api/handler.js';
import { systemClock } from '../clock.js';
import { DeskCore } from '../desk.js';
import { createBackup } from '../maintenance/backup.js';
import { rekeyStore } from '../maintenance/rekey.js';
import { syntheticPatient } from '../sync/testing/records.js';
import { FAKE_PRINT } from '../sync/testing/sync-desk.js';
import { SyncService } from '../sync/service.js';
import { Session } from '../session.js';
import { CRASH_LOGIN, CRASH_SCRYPT } from './crash-shared.js';

const PURPOSES = ['lab-services', 'medical-records', 'contract-performance', 'legal-obligations', 'result-notification', 'website-account'].map((id, i) => ({ id, chosen: i < 4 }));

async function main(): Promise<void> {
  const [dataDir, mode = 'work', centralUrl] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: crash-child <dataDir> <mode>');
  const desk = new DeskCore({
    dataDir,
    resourcesDir: path.resolve('resources'),
    clock: systemClock,
    scryptCost: CRASH_SCRYPT,
    print: FAKE_PRINT,
    ...(mode === 'drain' ? { sync: (deps) => new SyncService({ ...deps, config: { pollIntervalMs: 20, requestTimeoutMs: 5000, batch: { min: 5, max: 50, initial: 10, slowMs: 5000 } } }) } : {}),
  });
  const ctx: HandlerContext = { desk, session: new Session(), transport: 'test' };
  const call = async (method: string, input: unknown) => {
    const r = await dispatch(ctx, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
    return r.value;
  };
  const done = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  await call('auth.login', CRASH_LOGIN);
  if (mode === 'drain' && centralUrl) done({ op: 'ready', centralUrl });
  done({ op: 'ready' });
  const base = Number(process.env.CRASH_SERIAL_BASE ?? 0);
  for (let i = 0; ; i++) {
    const input = syntheticPatient(base + i);
    // Synthetic names repeat: say why this is another person, as the receptionist would.
    const { similar } = (await call('patient.checkDuplicates', { iin: input.iin, surname: input.surname, givenName: input.givenName, birthDate: input.birthDate, phone: input.phone })) as { similar: { id: string }[] };
    const override = similar.length ? { override: { reason: 'another person', candidateIds: similar.slice(0, 50).map((c) => c.id) } } : {};
    const patient = (await call('patient.create', { patient: input, ...override })) as { id: string; version: number };
    done({ op: 'patient', id: patient.id, version: 1 });
    const edited = { ...syntheticPatient(base + i), address: `г. Алматы, ул. Абая, ${i}, кв. ${i % 90}` };
    const updated = (await call('patient.update', { id: patient.id, expectedVersion: 1, patient: edited })) as { version: number };
    done({ op: 'patient', id: patient.id, version: updated.version });
    const { consent } = (await call('consent.prepare', { patientId: patient.id, language: 'kk+ru', purposes: PURPOSES, signer: { kind: 'subject' } })) as { consent: { id: string } };
    await call('consent.sign', { consentId: consent.id, signature: { kind: 'paper' } });
    done({ op: 'consent', id: consent.id, patientId: patient.id });
    if (mode === 'rekey') {
      rekeyStore(desk, { newKey: true, staffId: null });
      done({ op: 'rekey' });
    }
    if (mode === 'backup') {
      await createBackup(desk, path.join(dataDir, '..', `backup-${process.pid}-${i}`), undefined, { staffId: null, useWorker: false });
      done({ op: 'backup' });
    }
  }
}

await main();
