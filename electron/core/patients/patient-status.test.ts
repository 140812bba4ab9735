import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/log.js';
import { ManualClock } from '../clock.js';
import { openStore, type Db } from '../store/database.js';
import { samplePatient } from '../testing/patients.js';
import { mergePatients } from './merge.js';
import { PatientWriter, type Actor } from './patient-writer.js';
import { patientInputSchema } from './schema.js';

/**
 * PatientWriter.setStatus, the one writer of a patient's status, on a real encrypted store:
 * the status, the version, the history row, the outbox row and (for blocking) the audit
 * entry, all in the caller's transaction.
 */
let dir: string;
let db: Db;
let audit: AuditLog;
let patients: PatientWriter;
const clock = new ManualClock('2026-11-25T09:00:00.000Z');
const actor: Actor = { staffId: 'staff-1', at: '2026-11-25T09:05:00.000Z' };
const parse = patientInputSchema(() => clock.now()).parse;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patient-status-'));
  db = openStore({ file: path.join(dir, 'store.db'), key: randomBytes(32), cipher: 'aegis' });
  audit = new AuditLog(db, clock, () => 'ALA-01');
  patients = new PatientWriter(db, audit);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const historyOf = (id: string) =>
  db.prepare('SELECT version, kind, changed_by, reason, fields, before FROM patient_history WHERE patient_id = ? ORDER BY version').all(id) as {
    version: number;
    kind: string;
    changed_by: string | null;
    reason: string | null;
    fields: string;
    before: string | null;
  }[];
const pendingPatients = () => (db.prepare("SELECT resource_id FROM outbox WHERE resource_type = 'Patient' AND state = 'pending' ORDER BY seq").all() as { resource_id: string }[]).map((r) => r.resource_id);
const auditActions = (id: string) => (db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq').all(id) as { action: string }[]).map((r) => r.action);
/** What a change leaves in the store, for comparing before and after a rolled-back transaction. */
const snapshot = (id: string) => ({ patient: patients.get(id), history: historyOf(id), outbox: pendingPatients(), audit: auditActions(id) });

/** Creates a patient and forgets its creation's outbox row, so what a status change queues is visible. */
function registered(over: Parameters<typeof samplePatient>[0] = {}) {
  const p = patients.create(parse(samplePatient(over)), actor);
  db.prepare("UPDATE outbox SET state = 'sent' WHERE resource_id = ?").run(p.id);
  return p;
}

describe('PatientWriter.setStatus', () => {
  it('blocks: status, new version, a history row, an outbox row and an audit entry, together', () => {
    const p = registered();
    db.transaction(() => patients.setStatus(p.id, { status: 'blocked', reason: 'consent.withdrawn' }, actor))();
    expect(patients.get(p.id)).toMatchObject({ status: 'blocked', version: 2, updatedAt: actor.at });
    expect(historyOf(p.id)[1]).toEqual({ version: 2, kind: 'status', changed_by: 'staff-1', reason: 'consent.withdrawn', fields: '["status"]', before: '{"status":"active"}' });
    expect(pendingPatients()).toEqual([p.id]);
    expect(auditActions(p.id)).toEqual(['patient.created', 'patient.blocked']);
  });

  it('unblocks the same way, and audits it as an unblocking', () => {
    const p = registered();
    db.transaction(() => patients.setStatus(p.id, { status: 'blocked', reason: 'consent.withdrawn' }, actor))();
    db.transaction(() => patients.setStatus(p.id, { status: 'active', reason: 'consent.signed' }, actor))();
    expect(patients.get(p.id)).toMatchObject({ status: 'active', version: 3 });
    expect(historyOf(p.id)[2]).toMatchObject({ kind: 'status', reason: 'consent.signed', before: '{"status":"blocked"}' });
    expect(auditActions(p.id)).toEqual(['patient.created', 'patient.blocked', 'patient.unblocked']);
  });

  it('changes nothing when the patient already has that status', () => {
    const p = registered();
    const before = snapshot(p.id);
    db.transaction(() => patients.setStatus(p.id, { status: 'active', reason: 'consent.signed' }, actor))();
    expect(snapshot(p.id)).toEqual(before);
  });

  it("writes in the caller's transaction: if the caller fails afterwards, nothing of it remains", () => {
    const p = registered();
    const before = snapshot(p.id);
    expect(() =>
      db.transaction(() => {
        patients.setStatus(p.id, { status: 'blocked', reason: 'consent.withdrawn' }, actor);
        throw new Error('the withdrawal failed after blocking');
      })(),
    ).toThrow('the withdrawal failed');
    expect(snapshot(p.id)).toEqual(before);
  });

  it('refuses to run outside a transaction, where a half-done change could commit', () => {
    const p = registered();
    expect(() => patients.setStatus(p.id, { status: 'blocked', reason: 'x' }, actor)).toThrow(/transaction/);
    expect(patients.get(p.id)?.status).toBe('active');
  });

  it('refuses an unknown patient with patient.notFound', () => {
    expect(() => db.transaction(() => patients.setStatus('nobody', { status: 'blocked', reason: 'x' }, actor))()).toThrow(expect.objectContaining({ code: 'patient.notFound' }));
  });

  it('merges: points at the record kept, gives up the IIN, leaves the name index, keeps a full snapshot', () => {
    const p = registered();
    const keep = registered({ iin: null, phone: '+77019998877', document: { type: 'passport', number: 'N7654321', issuedOn: null, issuer: null, expiresOn: null } });
    expect(patients.search('Нұрланова').map((s) => s.id)).toEqual(expect.arrayContaining([p.id, keep.id]));
    db.transaction(() => patients.setStatus(p.id, { status: 'merged', into: keep.id, reason: 'Один человек' }, actor))();
    expect(patients.get(p.id)).toMatchObject({ status: 'merged', mergedInto: keep.id, iin: null, version: 2 });
    expect(patients.search('Нұрланова').map((s) => s.id)).toEqual([keep.id]);
    const h = historyOf(p.id)[1]!;
    expect(h).toMatchObject({ kind: 'merge', reason: 'Один человек', fields: '["status","mergedInto","iin"]' });
    expect(JSON.parse(h.before!)).toMatchObject({ iin: '880315400010', surname: 'Нұрланова', 'document.number': '045678912' });
    expect(pendingPatients()).toEqual([p.id]);
    // Audited by the merge as a whole (patient.merged on the record kept), not here.
    expect(auditActions(p.id)).toEqual(['patient.created']);
  });

  it('a merged record is final: its status does not change again', () => {
    const p = registered();
    const keep = registered({ iin: null, phone: '+77019998877', document: { type: 'passport', number: 'N7654321', issuedOn: null, issuer: null, expiresOn: null } });
    mergePatients(db, patients, audit, keep.id, p.id, 'Один человек', actor);
    expect(() => db.transaction(() => patients.setStatus(p.id, { status: 'active', reason: 'consent.signed' }, actor))()).toThrow(
      expect.objectContaining({ code: 'patient.merged' }),
    );
    expect(patients.get(keep.id)).toMatchObject({ status: 'active', iin: '880315400010' });
  });
});
