import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';
import { samplePatient } from '../testing/patients.js';

let fx: DeskFixture;
let desk: ReturnType<DeskFixture['client']>;

beforeEach(async () => {
  fx = makeDesk();
  const admin = fx.client();
  expectOk(await admin.call('setup.run', SAMPLE_SETUP));
  expectOk(await admin.call('staff.create', { login: 'aigerim', fullName: 'Айгерім Б.', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
  expectOk(await admin.call('staff.create', { login: 'dana', fullName: 'Дана М.', role: 'manager', temporaryPassword: 'temporary-pass-2' }));
  desk = fx.client();
  expectOk(await desk.call('auth.login', { login: 'aigerim', password: 'temporary-pass-1' }));
  expectOk(await desk.call('auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
});
afterEach(() => fx.cleanup());

describe('registration', () => {
  it('registers a patient, audits it and queues it for sync in the same transaction', async () => {
    const p = expectOk(await desk.call('patient.create', { patient: samplePatient() }));
    expect(p).toMatchObject({ iin: '880315400010', phone: '+77012345678', version: 1, status: 'active' });
    const db = fx.desk.store().db;
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.created' AND entity_id = ?").get(p.id)).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Patient' AND resource_id = ?").get(p.id)).toEqual({ n: 1 });
  });

  it('blocks the same IIN twice and names the existing patient', async () => {
    const first = expectOk(await desk.call('patient.create', { patient: samplePatient() }));
    const again = await desk.call('patient.create', { patient: samplePatient({ phone: '+77019998877' }) });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'patient.duplicateIin', details: { existingId: first.id } });
  });

  it('warns about a near-duplicate and records the override reason', async () => {
    const first = expectOk(await desk.call('patient.create', { patient: samplePatient() }));
    // Same birth date, name with a typo and without Kazakh letters, no IIN (a passport).
    const near = samplePatient({ iin: null, surname: 'Нурланова', givenName: 'Айгерим', phone: '+77470001122', document: { type: 'passport', number: 'N7654321', issuedOn: null, issuer: null, expiresOn: null } });
    const check = expectOk(await desk.call('patient.checkDuplicates', { iin: null, surname: 'Нурланова', givenName: 'Айгерим', birthDate: '1988-03-15', phone: '+77470001122' }));
    expect(check.exact).toBeNull();
    expect(check.similar.map((c) => c.id)).toEqual([first.id]);
    const blocked = await desk.call('patient.create', { patient: near });
    expect(!blocked.ok && blocked.error.code).toBe('patient.possibleDuplicates');
    const made = expectOk(await desk.call('patient.create', { patient: near, override: { reason: 'Другой человек: сверено по паспорту', candidateIds: [first.id] } }));
    const row = fx.desk.store().db.prepare('SELECT reason, candidate_ids FROM duplicate_override WHERE patient_id = ?').get(made.id);
    expect(row).toEqual({ reason: 'Другой человек: сверено по паспорту', candidate_ids: JSON.stringify([first.id]) });
  });

  it('warns on the same phone', async () => {
    const first = expectOk(await desk.call('patient.create', { patient: samplePatient() }));
    const check = expectOk(await desk.call('patient.checkDuplicates', { iin: '900702300014', surname: 'Ахметов', givenName: 'Ерлан', birthDate: '1990-07-02', phone: '+77012345678' }));
    expect(check.similar).toEqual([expect.objectContaining({ id: first.id, reasons: ['phone'] })]);
  });

  it('returns field-level localized codes for a malformed patient', async () => {
    const r = await desk.call('patient.create', { patient: samplePatient({ iin: '880315400011', phone: 'abc' }) });
    expect(!r.ok && r.error.issues).toEqual(expect.arrayContaining([{ path: 'patient.iin', code: 'iin.checksum' }, { path: 'patient.phone', code: 'phone.format' }]));
  });
});

describe('search', () => {
  beforeEach(async () => {
    expectOk(await desk.call('patient.create', { patient: samplePatient() }));
    expectOk(await desk.call('patient.create', { patient: samplePatient({ surname: 'Ахметов', givenName: 'Ерлан', patronymic: 'Ёрқынович', iin: '900702300014', birthDate: '1990-07-02', sex: 'male', phone: '+7 777 111 22 33', email: null }) }));
  });

  it.each([
    ['IIN prefix', '8803', 'Нұрланова'],
    ['full IIN', '900702300014', 'Ахметов'],
    ['surname prefix, case-insensitive', 'нұрл', 'Нұрланова'],
    ['surname typed without Kazakh letters', 'нурл', 'Нұрланова'],
    ['given name', 'әйгер', 'Нұрланова'],
    ['ё typed as е', 'еркынович', 'Ахметов'],
    ['two words in any order', 'ерлан ахм', 'Ахметов'],
    ['phone with 8', '8 777 111', 'Ахметов'],
    ['phone with +7', '+7701234', 'Нұрланова'],
    ['phone national digits', '7012345678', 'Нұрланова'],
  ])('finds by %s', async (_what, query, surname) => {
    const hits = expectOk(await desk.call('patient.search', { query }));
    expect(hits.map((h) => h.surname)).toContain(surname);
  });

  it('opening a patient is audited', async () => {
    const [hit] = expectOk(await desk.call('patient.search', { query: 'Ахметов' }));
    expectOk(await desk.call('patient.get', { id: hit!.id }));
    const db = fx.desk.store().db;
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.viewed' AND entity_id = ?").get(hit!.id)).toEqual({ n: 1 });
  });
});

describe('corrections and merge', () => {
  it('keeps every previous version with who, when and what changed', async () => {
    const p = expectOk(await desk.call('patient.create', { patient: samplePatient() }));
    const edited = expectOk(await desk.call('patient.update', { id: p.id, expectedVersion: 1, patient: samplePatient({ address: 'г. Алматы, ул. Абая, 1', phone: '+77470000000' }), reason: 'Запрос пациента на изменение' }));
    expect(edited.version).toBe(2);
    const stale = await desk.call('patient.update', { id: p.id, expectedVersion: 1, patient: samplePatient({ address: 'x' }) });
    expect(!stale.ok && stale.error.code).toBe('patient.versionConflict');
    const card = expectOk(await desk.call('patient.get', { id: p.id }));
    expect(card.history[0]).toMatchObject({ version: 2, kind: 'update', changedByName: 'Айгерім Б.', reason: 'Запрос пациента на изменение', fields: ['phone', 'address'] });
    expect(card.history[0]!.before).toMatchObject({ address: 'г. Алматы, ул. Жандосова, 12, кв. 5', phone: '+77012345678' });
    expect(card.history[1]).toMatchObject({ version: 1, kind: 'create' });
  });

  it('lets a manager, and only a manager, merge two records without losing anything', async () => {
    const keep = expectOk(await desk.call('patient.create', { patient: samplePatient({ email: null }) }));
    const dup = expectOk(
      await desk.call('patient.create', {
        patient: samplePatient({ iin: null, surname: 'Нурланова', email: 'second@example.kz', phone: '+77471112233', document: { type: 'passport', number: 'N1', issuedOn: null, issuer: null, expiresOn: null } }),
        override: { reason: 'проверить позже', candidateIds: [keep.id] },
      }),
    );
    const refused = await desk.call('patient.merge', { keepId: keep.id, mergeId: dup.id, reason: 'дубль' });
    expect(!refused.ok && refused.error.code).toBe('auth.forbidden');

    const manager = fx.client();
    expectOk(await manager.call('auth.login', { login: 'dana', password: 'temporary-pass-2' }));
    expectOk(await manager.call('auth.changePassword', { current: 'temporary-pass-2', next: 'manager-pw-123' }));
    const merged = expectOk(await manager.call('patient.merge', { keepId: keep.id, mergeId: dup.id, reason: 'Один человек, сверено по ИИН' }));
    expect(merged.email).toBe('second@example.kz');
    const gone = expectOk(await manager.call('patient.get', { id: dup.id }));
    expect(gone.patient).toMatchObject({ status: 'merged', mergedInto: keep.id, surname: 'Нурланова' });
    expect(expectOk(await manager.call('patient.search', { query: 'нурланова' })).map((h) => h.id)).toEqual([keep.id]);
    const db = fx.desk.store().db;
    expect(db.prepare('SELECT patient_id FROM duplicate_override').all()).toEqual([{ patient_id: keep.id }]);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.merged'").get()).toEqual({ n: 1 });
  });
});

describe('drafts', () => {
  it('keeps a half-filled form per staff member across sessions', async () => {
    expectOk(await desk.call('draft.save', { kind: 'patient.new', payload: { surname: 'Нұрла' } }));
    const again = fx.client();
    expectOk(await again.call('auth.login', { login: 'aigerim', password: 'receptionist-pw-1' }));
    expect(expectOk(await again.call('draft.get', { kind: 'patient.new' }))?.payload).toEqual({ surname: 'Нұрла' });
    expectOk(await again.call('draft.delete', { kind: 'patient.new' }));
    expect(expectOk(await again.call('draft.get', { kind: 'patient.new' }))).toBeNull();
  });
});
