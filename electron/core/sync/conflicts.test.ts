import { afterEach, describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from '../fhir/systems.js';
import { SAMPLE_SETUP, expectOk } from '../testing/desk-fixture.js';
import { samplePatient } from '../testing/patients.js';
import { FAST, prepareBranch, waitFor } from './testing/branch.js';
import { BRANCH_TOKENS, startCentral, type RunningCentral } from './testing/central.js';
import { startFaultProxy, type FaultProxy } from './testing/fault-proxy.js';
import { callSync, makeSyncDesk, type SyncDesk } from './testing/sync-desk.js';

const backends: [string, string | undefined][] = [['PGlite', undefined], ...(process.env.CENTRAL_PG_URL ? [['PostgreSQL', process.env.CENTRAL_PG_URL] as [string, string]] : [])];

let central: RunningCentral | null = null;
const proxies: FaultProxy[] = [];
const desks: SyncDesk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) d.cleanup();
  for (const p of proxies.splice(0)) await p.close();
  await central?.close();
  central = null;
});

async function world(pgUrl: string | undefined) {
  central = await startCentral(pgUrl ? { pgUrl } : {});
  return central;
}

async function branch(c: RunningCentral, code: 'ALA-01' | 'AST-02') {
  const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: c.port }, seed: 3, failureRate: 0 });
  proxies.push(proxy);
  const fx = makeSyncDesk({ config: FAST, setup: { ...SAMPLE_SETUP, branch: { ...SAMPLE_SETUP.branch, code } } });
  desks.push(fx);
  const b = await prepareBranch(fx, { url: proxy.url('/fhir'), token: BRANCH_TOKENS[code] });
  const register = async (over = {}) => expectOk(await b.call(b.reception, 'patient.create', { patient: samplePatient(over) })) as { id: string; version: number };
  const drained = () => waitFor(`${code} to drain`, () => fx.sync().status().queued === 0);
  return { fx, proxy, ...b, register, drained, sync: () => fx.sync() };
}

describe.each(backends)('conflicts (central on %s)', (_name, pgUrl) => {
  it('round trip: the same patient edited centrally and offline at the branch is resolved field by field, and the central system holds the result', async () => {
    const c = await world(pgUrl);
    const a = await branch(c, 'ALA-01');
    const p = await a.register();
    await a.drained();

    // The data-protection officer corrects the phone and address centrally…
    await c.server.admin.editResource('Patient', p.id, (cur) => ({
      ...cur,
      telecom: [{ system: 'phone', value: '+77019990000', use: 'mobile' }, { system: 'email', value: 'aigerim@example.kz' }],
      address: [{ use: 'home', text: 'г. Алматы, ул. Центральная, 1' }],
    }));
    // …while the branch, offline, changes the e-mail and the address.
    a.proxy.setDown(true);
    await waitFor('offline', () => a.sync().status().connectivity === 'offline');
    expectOk(await a.call(a.reception, 'patient.update', { id: p.id, expectedVersion: 1, patient: samplePatient({ email: 'new@example.kz', address: 'г. Алматы, ул. Филиальная, 2' }) }));
    a.proxy.setDown(false);
    a.sync().notifyOnline();
    await waitFor('the conflict', () => a.sync().status().conflicts === 1);

    const [conflict] = expectOk(await callSync(a.reception, 'sync.conflicts.list', {}));
    expect(conflict).toMatchObject({ kind: 'version', resourceType: 'Patient', resourceId: p.id, remoteVersion: '2' });
    expect(conflict!.local).toMatchObject({ phone: '+77012345678', email: 'new@example.kz', address: 'г. Алматы, ул. Филиальная, 2' });
    expect(conflict!.remote).toMatchObject({ phone: '+77019990000', email: 'aigerim@example.kz', address: 'г. Алматы, ул. Центральная, 1' });
    expect([...conflict!.differing].sort()).toEqual(['address', 'email', 'phone']);
    // Nothing was overwritten on either side while staff decide.
    expect(a.fx.desk.store().patients.get(p.id)?.email).toBe('new@example.kz');
    expect(await c.server.admin.countVersions('Patient', p.id)).toBe(2);
    // An admin does not see patients, so not conflicts either.
    expect((await callSync(a.admin, 'sync.conflicts.list', {})).ok).toBe(false);

    // Central phone, branch e-mail, central address.
    const resolved = expectOk(await callSync(a.reception, 'sync.conflicts.resolve', { id: conflict!.id, choice: 'merge', fields: { phone: 'remote', address: 'remote', email: 'local' } }));
    expect(resolved).toEqual({ id: conflict!.id, status: 'resolved', resolution: 'merge' });
    await waitFor('the merge to reach the central system', async () => (await c.server.admin.countVersions('Patient', p.id)) === 3);
    await a.drained();
    const central3 = await c.server.admin.read('Patient', p.id);
    expect(central3).toMatchObject({
      telecom: [{ system: 'phone', value: '+77019990000' }, { system: 'email', value: 'new@example.kz' }],
      address: [{ text: 'г. Алматы, ул. Центральная, 1' }],
      meta: { versionId: '3' },
    });
    expect(a.fx.desk.store().patients.get(p.id)).toMatchObject({ phone: '+77019990000', email: 'new@example.kz', address: 'г. Алматы, ул. Центральная, 1', remoteVersion: '3' });
    expect(a.sync().status()).toMatchObject({ conflicts: 0, failed: 0 });
    expect(expectOk(await callSync(a.reception, 'sync.conflicts.list', {}))).toEqual([]);
    const again = await callSync(a.reception, 'sync.conflicts.resolve', { id: conflict!.id, choice: 'local' });
    expect(!again.ok && again.error.issues?.[0]?.code).toBe('sync.conflictNotFound');
  });

  it('takes the central version whole, or keeps the local one over it, as staff choose', async () => {
    const c = await world(pgUrl);
    const a = await branch(c, 'ALA-01');
    const p1 = await a.register();
    const p2 = await a.register({ iin: '900702300014', surname: 'Ахметов', givenName: 'Ерлан', birthDate: '1990-07-02', sex: 'male', phone: '+77771112233' });
    await a.drained();
    for (const p of [p1, p2]) await c.server.admin.editResource('Patient', p.id, (cur) => ({ ...cur, address: [{ text: 'central' }] }));
    a.proxy.setDown(true);
    await waitFor('offline', () => a.sync().status().connectivity === 'offline');
    expectOk(await a.call(a.reception, 'patient.update', { id: p1.id, expectedVersion: 1, patient: samplePatient({ address: 'branch' }) }));
    expectOk(await a.call(a.reception, 'patient.update', { id: p2.id, expectedVersion: 1, patient: samplePatient({ iin: '900702300014', surname: 'Ахметов', givenName: 'Ерлан', birthDate: '1990-07-02', sex: 'male', phone: '+77771112233', address: 'branch' }) }));
    a.proxy.setDown(false);
    a.sync().notifyOnline();
    await waitFor('two conflicts', () => a.sync().status().conflicts === 2);
    const list = expectOk(await callSync(a.reception, 'sync.conflicts.list', {}));
    const of = (id: string) => list.find((x) => x.resourceId === id)!.id;
    expectOk(await callSync(a.reception, 'sync.conflicts.resolve', { id: of(p1.id), choice: 'remote' }));
    expectOk(await callSync(a.reception, 'sync.conflicts.resolve', { id: of(p2.id), choice: 'local' }));
    await waitFor('the local choice to go up', async () => (await c.server.admin.countVersions('Patient', p2.id)) === 3);
    await a.drained();
    expect(a.fx.desk.store().patients.get(p1.id)).toMatchObject({ address: 'central', remoteVersion: '2' });
    expect(await c.server.admin.countVersions('Patient', p1.id)).toBe(2);
    expect(await c.server.admin.read('Patient', p2.id)).toMatchObject({ address: [{ text: 'branch' }] });
    expect(a.fx.desk.store().patients.get(p2.id)).toMatchObject({ address: 'branch', remoteVersion: '3' });
  });

  it('two branches register the same IIN offline: one patient at the central system, the second upload a duplicate conflict showing both', async () => {
    const c = await world(pgUrl);
    const a = await branch(c, 'ALA-01');
    const b = await branch(c, 'AST-02');
    for (const x of [a, b]) x.proxy.setDown(true);
    await waitFor('both offline', () => a.sync().status().connectivity === 'offline' && b.sync().status().connectivity === 'offline');
    const pa = await a.register();
    const pb = await b.register({ phone: '+77475556677', email: null, address: 'г. Астана, ул. Кенесары, 4' });
    expectOk(await b.call(b.reception, 'patient.get', { id: pb.id }));

    a.proxy.setDown(false);
    a.sync().notifyOnline();
    await a.drained();
    b.proxy.setDown(false);
    b.sync().notifyOnline();
    await waitFor('the duplicate at the second branch', () => b.sync().status().conflicts === 1);

    const iinHolders = await c.server.sql.query<{ patient_id: string }>('SELECT patient_id FROM patient_identifier WHERE system = $1 AND value = $2', [FHIR_SYSTEMS.iin, '880315400010']);
    expect(iinHolders.map((r) => r.patient_id)).toEqual([pa.id]);
    const [dup] = expectOk(await callSync(b.reception, 'sync.conflicts.list', {}));
    expect(dup).toMatchObject({ kind: 'duplicate', resourceId: pb.id, remoteId: pa.id, remoteVersion: '1' });
    expect(dup!.local).toMatchObject({ iin: '880315400010', phone: '+77475556677', address: 'г. Астана, ул. Кенесары, 4' });
    expect(dup!.remote).toMatchObject({ iin: '880315400010', phone: '+77012345678', address: 'г. Алматы, ул. Жандосова, 12, кв. 5' });
    // What is about the branch's copy (its audit entries) waits with it; nothing is failed or lost.
    expect(b.sync().status()).toMatchObject({ failed: 0 });
    expect(b.sync().status().queued).toBeGreaterThan(0);

    // Same person: keep the central record, with the phone and address given here today.
    expectOk(await callSync(b.reception, 'sync.conflicts.resolve', { id: dup!.id, choice: 'merge', fields: { phone: 'local', address: 'local', email: 'remote' } }));
    await b.drained();
    expect(b.sync().status()).toMatchObject({ conflicts: 0, failed: 0, queued: 0 });
    const holders = await c.server.sql.query<{ patient_id: string }>('SELECT patient_id FROM patient_identifier WHERE system = $1 AND value = $2', [FHIR_SYSTEMS.iin, '880315400010']);
    expect(holders.map((r) => r.patient_id)).toEqual([pa.id]);
    expect(await c.server.admin.read('Patient', pa.id)).toMatchObject({ telecom: [{ system: 'phone', value: '+77475556677' }, { system: 'email', value: 'aigerim@example.kz' }], address: [{ text: 'г. Астана, ул. Кенесары, 4' }] });
    // The second branch's record stays, without the IIN, pointing at the one that holds it.
    expect(await c.server.admin.read('Patient', pb.id)).toMatchObject({ active: false, link: [{ type: 'replaced-by', other: { reference: `Patient/${pa.id}` } }] });
    expect((await c.server.admin.read('Patient', pb.id))?.identifier).not.toContainEqual(expect.objectContaining({ system: FHIR_SYSTEMS.iin }));
    const local = b.fx.desk.store().patients;
    expect(local.get(pb.id)).toMatchObject({ status: 'merged', mergedInto: pa.id, iin: null });
    expect(local.get(pa.id)).toMatchObject({ status: 'active', iin: '880315400010', phone: '+77475556677' });
    // The first branch pulls the update of its patient.
    await waitFor('branch A to see the update', () => a.fx.desk.store().patients.get(pa.id)?.phone === '+77475556677');
  });
});
