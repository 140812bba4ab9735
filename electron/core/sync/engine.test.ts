import type { Resource } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_SETUP, expectOk } from '../testing/desk-fixture.js';
import { mergePatients } from '../patients/merge.js';
import { samplePatient } from '../testing/patients.js';
import { defaultBuilders, type BuilderRegistry } from './builders.js';
import type { SyncConfigOverrides } from './config.js';
import { enqueue } from './outbox.js';
import { pullPage } from './pull.js';
import { createHttpTransport } from './transport.js';
import { FAST, prepareBranch, waitFor } from './testing/branch.js';
import { BRANCH_TOKENS, centralContents, startCentral, type RunningCentral } from './testing/central.js';
import { startFaultProxy, type FaultProxy } from './testing/fault-proxy.js';
import { FhirValidator } from '../fhir/validate.js';
import { callSync, makeSyncDesk, type SyncDesk } from './testing/sync-desk.js';

/** The official R4 definitions, loaded on first use. */
const validator = new FhirValidator();


let central: RunningCentral;
let proxy: FaultProxy;
const desks: SyncDesk[] = [];
beforeEach(async () => {
  central = await startCentral();
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: central.port }, seed: 1, failureRate: 0 });
});
afterEach(async () => {
  for (const d of desks.splice(0)) d.cleanup();
  await proxy.close();
  await central.close();
});

async function branch(opts: { code?: 'ALA-01' | 'AST-02'; config?: SyncConfigOverrides; builders?: BuilderRegistry } = {}) {
  const code = opts.code ?? 'ALA-01';
  const fx = makeSyncDesk({ config: opts.config ?? FAST, setup: { ...SAMPLE_SETUP, branch: { ...SAMPLE_SETUP.branch, code } }, ...(opts.builders ? { builders: opts.builders } : {}) });
  desks.push(fx);
  const b = await prepareBranch(fx, { url: proxy.url('/fhir'), token: BRANCH_TOKENS[code] });
  const register = async (over = {}) => expectOk(await b.call(b.reception, 'patient.create', { patient: samplePatient(over) })) as { id: string; version: number };
  return { fx, ...b, register, sync: () => fx.sync(), db: () => fx.desk.store().db };
}

const drained = (fx: SyncDesk) => waitFor('the queue to drain', () => fx.sync().status().queued === 0);

describe('sync engine against the reference central server', () => {
  it('queues while offline and drains by itself when the link returns; everything sent is valid R4', async () => {
    proxy.setDown(true);
    const a = await branch();
    const p1 = await a.register();
    const p2 = await a.register({ iin: '900702300014', surname: 'Ахметов', givenName: 'Ерлан', birthDate: '1990-07-02', sex: 'male', phone: '+77771112233', email: null });
    await waitFor('offline', () => a.sync().status().connectivity === 'offline');
    const offline = expectOk(await callSync(a.reception, 'sync.status', {}));
    expect(offline).toMatchObject({ configured: true, connectivity: 'offline', failed: 0, conflicts: 0, lastSuccessAt: null });
    expect(offline.queued).toBeGreaterThanOrEqual(4);

    // No button and no OS event: the periodic probe notices the link and the queue drains.
    proxy.setDown(false);
    await drained(a.fx);
    const after = expectOk(await callSync(a.reception, 'sync.status', {}));
    expect(after).toMatchObject({ connectivity: 'online', queued: 0, failed: 0 });
    expect(after.lastSuccessAt).not.toBeNull();
    const patients = await centralContents(central.server, 'Patient');
    expect([...patients.keys()].sort()).toEqual([p1.id, p2.id].sort());
    expect(a.fx.desk.store().patients.get(p1.id)?.remoteVersion).toBe('1');
    const events = await centralContents(central.server, 'AuditEvent');
    expect(events.size).toBe(a.fx.desk.store().audit.count());

    // Every resource the desk sent is valid FHIR R4 against the full definitions.
    for (const { content } of [...patients.values(), ...events.values()]) expect(validator.errors(content as unknown as Resource)).toEqual([]);
    // And names or IINs never travel in audit events.
    expect(JSON.stringify([...events.values()])).not.toMatch(/Нұрланова|880315400010|Ахметов|900702300014/);
  });

  it('resumes at once when the renderer reports the network back, without waiting for a probe', async () => {
    proxy.setDown(true);
    const a = await branch({ config: { ...FAST, probeIntervalMs: 60_000 } });
    await waitFor('offline', () => a.sync().status().connectivity === 'offline');
    await a.register();
    proxy.setDown(false);
    const t0 = performance.now();
    expectOk(await callSync(a.reception, 'sync.network', { online: true }));
    await drained(a.fx);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('keeps a record edited while its upload was in flight pending, and sends the edit next with If-Match', async () => {
    const a = await branch();
    proxy.setDown(true);
    await waitFor('offline', () => a.sync().status().connectivity === 'offline');
    const p = await a.register();
    let edited = false;
    proxy.onRequest((method) => {
      if (method !== 'POST' || edited) return;
      edited = true;
      // Runs while the batch carrying version 1 is on the wire.
      void a.call(a.reception, 'patient.update', { id: p.id, expectedVersion: 1, patient: samplePatient({ address: 'г. Алматы, ул. Сатпаева, 3' }) });
    });
    proxy.setDown(false);
    a.sync().notifyOnline();
    await waitFor('the edit to reach the central system', async () => (JSON.stringify(await central.server.admin.read('Patient', p.id)) ?? '').includes('Сатпаева'));
    await drained(a.fx);
    expect(edited).toBe(true);
    expect(await central.server.admin.countVersions('Patient', p.id)).toBe(2);
    expect(a.fx.desk.store().patients.get(p.id)).toMatchObject({ version: 2, remoteVersion: '2' });
  });

  it('recognises its own earlier write after a lost answer and a local edit, instead of raising a conflict', async () => {
    const a = await branch();
    proxy.setDown(true);
    await waitFor('offline', () => a.sync().status().connectivity === 'offline');
    const p = await a.register();
    // The first upload commits at the central system but its answer is lost; the record is
    // then edited before the retry, which therefore carries new content and no If-Match.
    proxy.forceNext('lostAfterCommit');
    proxy.onRequest((method, _path, outcome) => {
      if (method === 'POST' && outcome === 'lostAfterCommit') {
        proxy.onRequest(null);
        void a.call(a.reception, 'patient.update', { id: p.id, expectedVersion: 1, patient: samplePatient({ phone: '+77017654321' }) });
      }
    });
    proxy.setDown(false);
    a.sync().notifyOnline();
    await waitFor('the edit to reach the central system', async () => (JSON.stringify(await central.server.admin.read('Patient', p.id)) ?? '').includes('+77017654321'));
    await drained(a.fx);
    expect(a.sync().status()).toMatchObject({ conflicts: 0, failed: 0 });
    expect(await central.server.admin.countVersions('Patient', p.id)).toBe(2);
  });

  it('applies a correction made at the central system when nothing waits to go up here', async () => {
    const a = await branch();
    const p = await a.register();
    await drained(a.fx);
    await central.server.admin.editResource('Patient', p.id, (cur) => ({ ...cur, address: [{ use: 'home', text: 'г. Алматы, ул. Исправленная, 1' }] }));
    await waitFor('the correction to arrive', () => a.fx.desk.store().patients.get(p.id)?.address === 'г. Алматы, ул. Исправленная, 1');
    const local = a.fx.desk.store().patients.get(p.id);
    expect(local).toMatchObject({ version: 2, remoteVersion: '2' });
    expect(a.fx.desk.store().patients.history(p.id)[0]).toMatchObject({ kind: 'remote', fields: ['address'] });
    // Applied, not echoed back: no upload of the patient is waiting or made.
    await drained(a.fx);
    expect(await central.server.admin.countVersions('Patient', p.id)).toBe(2);
    expect(a.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.updatedByCentral'").get()).toEqual({ n: 1 });
  });

  it('uploads a local merge that moves the IIN without tripping over its own duplicate', async () => {
    const a = await branch();
    const withIin = await a.register();
    const passport = expectOk(
      await a.call(a.reception, 'patient.create', {
        patient: samplePatient({ iin: null, surname: 'Нурланова', document: { type: 'passport', number: 'N7654321', issuedOn: null, issuer: null, expiresOn: null }, phone: '+79161234567' }),
        override: { reason: 'Проверить позже', candidateIds: [withIin.id] },
      }),
    ) as { id: string };
    await drained(a.fx);
    const store = a.fx.desk.store();
    // A manager keeps the passport record and merges the one with the IIN into it.
    mergePatients(store.db, store.patients, store.audit, passport.id, withIin.id, 'Один человек', { staffId: null, at: a.fx.desk.nowIso() });
    await drained(a.fx);
    expect(a.sync().status()).toMatchObject({ conflicts: 0, failed: 0 });
    expect(await central.server.admin.read('Patient', passport.id)).toMatchObject({ identifier: expect.arrayContaining([expect.objectContaining({ value: '880315400010' })]) });
    expect(await central.server.admin.read('Patient', withIin.id)).toMatchObject({ active: false, link: [{ type: 'replaced-by', other: { reference: `Patient/${passport.id}` } }] });
  });

  it('turns a newer central version into a conflict, not an overwrite, while a local change waits', async () => {
    const a = await branch();
    const p = await a.register();
    await drained(a.fx);
    // The engine is paused so that the pull runs before the local change could go up.
    await a.sync().stop();
    await central.server.admin.editResource('Patient', p.id, (cur) => ({ ...cur, address: [{ use: 'home', text: 'central' }] }));
    expectOk(await a.call(a.reception, 'patient.update', { id: p.id, expectedVersion: 1, patient: samplePatient({ address: 'branch' }) }));
    const store = a.fx.desk.store();
    const transport = createHttpTransport({ baseUrl: central.url, auth: { kind: 'bearer', token: BRANCH_TOKENS['ALA-01'] }, caPem: null });
    const deps = { ...store, clock: a.fx.clock, branchCode: () => 'ALA-01', builders: defaultBuilders(), transport, requestTimeoutMs: 5000, signal: new AbortController().signal };
    for (let more = true; more; ) {
      const page = await pullPage(deps, 100, null);
      if (page.kind !== 'page') throw new Error('pull failed');
      more = page.more;
    }
    transport.close();
    expect(store.patients.get(p.id)).toMatchObject({ address: 'branch', remoteVersion: '1' });
    const [c] = expectOk(await callSync(a.reception, 'sync.conflicts.list', {}));
    expect(c).toMatchObject({ kind: 'version', resourceId: p.id, remoteVersion: '2', local: { address: 'branch' }, remote: { address: 'central' }, differing: ['address'] });
  });

  it('leaves types without a builder pending, and lists a refused resource with its reason until it is fixed and retried', async () => {
    let broken = true;
    const builders: BuilderRegistry = {
      ...defaultBuilders(),
      // A stand-in for a builder another module adds later; invalid (no `intent`) until fixed.
      Task: {
        build: (_ctx, id) => ({ resource: { resourceType: 'Task', id, status: 'requested', ...(broken ? {} : { intent: 'order' }) } as Resource & { id: string }, ifMatch: null, patientId: null }),
        recordVersion: () => undefined,
      },
    };
    const a = await branch({ builders });
    const db = a.db();
    db.transaction(() => {
      enqueue(db, 'Task', '5d7f0d0e-0000-4000-8000-000000000001', a.fx.desk.nowIso());
      enqueue(db, 'QuestionnaireResponse', '5d7f0d0e-0000-4000-8000-000000000002', a.fx.desk.nowIso());
    })();
    a.sync().kick();
    await waitFor('the refused item on the failed list', () => a.sync().status().failed === 1);
    const failed = expectOk(await callSync(a.reception, 'sync.failed.list', {}));
    expect(failed, JSON.stringify(failed)).toEqual([expect.objectContaining({ resourceType: 'Task', reason: 'invalid' })]);
    // No builder yet for QuestionnaireResponse: still queued, never dropped.
    await waitFor('everything else to go up', () => a.sync().status().queued === 1);
    broken = false;
    expect(expectOk(await callSync(a.reception, 'sync.retry', { seq: failed[0]!.seq }))).toEqual({ retried: 1 });
    await waitFor('the fixed item to go up', async () => (await central.server.admin.read('Task', '5d7f0d0e-0000-4000-8000-000000000001')) !== undefined);
    await waitFor('the rest to go up', () => a.sync().status().queued === 1);
    expect(a.sync().status()).toMatchObject({ failed: 0, queued: 1 });
    expect(db.prepare("SELECT state FROM outbox WHERE resource_type = 'QuestionnaireResponse'").get()).toEqual({ state: 'pending' });
  });

  it('looks a returning patient up by IIN, imports only that patient under the central id, and audits it', async () => {
    const a = await branch({ code: 'ALA-01' });
    const p = await a.register();
    await a.register({ iin: '900702300014', surname: 'Ахметов', givenName: 'Ерлан', birthDate: '1990-07-02', sex: 'male', phone: '+77771112233' });
    await drained(a.fx);
    const b = await branch({ code: 'AST-02' });
    const found = expectOk(await callSync(b.reception, 'sync.lookupPatient', { iin: '880315400010' }));
    expect(found).toEqual({ outcome: 'imported', patientId: p.id });
    const imported = b.fx.desk.store().patients.get(p.id);
    expect(imported).toMatchObject({ surname: 'Нұрланова', iin: '880315400010', remoteVersion: '1' });
    expect(b.fx.desk.store().patients.count()).toBe(1);
    expect(b.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.lookedUpCentrally' AND entity_id = ?").get(p.id)).toEqual({ n: 1 });
    expect((await central.server.admin.accessLog()).filter((r) => r.branch === 'AST-02')).toHaveLength(1);
    // Imported as it is at the central system: nothing to send back, no second version.
    await drained(b.fx);
    expect(await central.server.admin.countVersions('Patient', p.id)).toBe(1);
    expect(expectOk(await callSync(b.reception, 'sync.lookupPatient', { iin: '880315400010' }))).toEqual({ outcome: 'local', patientId: p.id });
    expect(expectOk(await callSync(b.reception, 'sync.lookupPatient', { iin: '910101300019' }))).toEqual({ outcome: 'notFound' });
    const bad = await callSync(b.reception, 'sync.lookupPatient', { iin: '880315400011' });
    expect(!bad.ok && bad.error.issues).toEqual([{ path: 'iin', code: 'iin.checksum' }]);
    proxy.setDown(true);
    const off = expectOk(await callSync(b.reception, 'sync.lookupPatient', { iin: '900702300014' }));
    expect(off).toMatchObject({ outcome: 'unavailable' });
  });

  it('keeps the secret write-only and stops harmlessly on a refused token', async () => {
    const a = await branch();
    const view = expectOk(await callSync(a.admin, 'sync.settings.get', {}));
    expect(view).toMatchObject({ baseUrl: proxy.url('/fhir'), authKind: 'bearer', tokenSet: true, caSet: false });
    expect(JSON.stringify(view)).not.toContain(BRANCH_TOKENS['ALA-01']);
    const forbidden = await callSync(a.reception, 'sync.settings.get', {});
    expect(!forbidden.ok && forbidden.error.code).toBe('auth.forbidden');
    expectOk(await callSync(a.admin, 'sync.settings.set', { baseUrl: proxy.url('/fhir'), authKind: 'bearer', token: 'a-wrong-token-that-is-long-enough' }));
    await a.register();
    await waitFor('the refusal', () => a.sync().status().lastErrorCode === 'http.401');
    expect(a.sync().status().queued).toBeGreaterThan(0);
    // Changing only the URL keeps the stored token; a plain-http remote URL is refused.
    const plain = await callSync(a.admin, 'sync.settings.set', { baseUrl: 'http://central.example.kz/fhir', authKind: 'bearer' });
    expect(!plain.ok && plain.error.issues?.[0]?.code).toBe('sync.httpsRequired');
    expectOk(await callSync(a.admin, 'sync.settings.set', { baseUrl: proxy.url('/fhir'), authKind: 'bearer', token: BRANCH_TOKENS['ALA-01'] }));
    await drained(a.fx);
    expect(a.db().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.settingsChanged'").get()).toEqual({ n: 3 });
  });
});

