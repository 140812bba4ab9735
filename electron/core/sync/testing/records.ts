import { randomUUID } from 'node:crypto';
import type { HandlerContext, Result } from '../../api/handler.js';
import { makeIin } from '../../identity/iin.js';
import type { Actor } from '../../patients/patient-writer.js';
import { expectOk } from '../../testing/desk-fixture.js';
import { samplePatient } from '../../testing/patients.js';
import { enqueue } from '../outbox.js';
import type { SyncDesk } from './sync-desk.js';
import type { PatientInput } from '../../patients/schema.js';
import type { Db } from '../../store/database.js';
import type { BuilderRegistry } from '../builders.js';
import type { OutboxResourceType } from '../outbox.js';
import { contentHash } from '../wire.js';

/**
 * Synthetic patients for volume tests: valid IINs (made up, checksum right), distinct per
 * index, with every field the desk stores.
 */
export function syntheticPatient(i: number): PatientInput {
  const day = new Date(Date.UTC(1960, 0, 1) + (i % 15_000) * 86_400_000).toISOString().slice(0, 10);
  const sex = i % 2 === 0 ? 'female' : 'male';
  const iin = makeIin(day, sex, Math.floor(i / 15_000) * 7 + 1) ?? makeIin(day, sex, Math.floor(i / 15_000) * 7 + 2);
  return {
    iin,
    surname: i % 2 === 0 ? 'Нұрланова' : 'Ахметов',
    givenName: i % 3 === 0 ? 'Әйгерім' : 'Ерлан',
    patronymic: i % 5 === 0 ? null : 'Серікұлы',
    birthDate: day,
    sex,
    document: { type: 'id-card', number: String(100_000_000 + i), issuedOn: '2019-06-01', issuer: 'МВД РК', expiresOn: '2029-05-31' },
    phone: `+7701${String(1_000_000 + i).slice(-7)}`,
    email: i % 4 === 0 ? `p${i}@example.kz` : null,
    address: `г. Алматы, ул. Абая, ${i}`,
    representative: null,
    preferredLanguage: i % 2 === 0 ? 'kk' : 'ru',
  };
}

/** Hash of every local resource of the given types as the desk would upload it now (id → hash). */
export function localHashes(db: Db, builders: BuilderRegistry, type: OutboxResourceType, ids: readonly string[], branchCode: string, patients: Parameters<NonNullable<BuilderRegistry['Patient']>['build']>[0]['patients']): Map<string, string> {
  const out = new Map<string, string>();
  const b = builders[type];
  if (!b) return out;
  for (const id of ids) {
    const built = b.build({ db, branchCode, patients }, id);
    if (built) out.set(id, contentHash(built.resource as unknown as Record<string, unknown>));
  }
  return out;
}

const PURPOSES = ['lab-services', 'medical-records', 'contract-performance', 'legal-obligations', 'result-notification', 'website-account'].map((id, i) => ({ id, chosen: i < 4 }));

/**
 * `n` intakes for volume tests: a patient with a signed consent and its PDF, which queues
 * five records each (Patient, Consent, DocumentReference and two audit entries). One consent
 * is taken through the real flow; the others are copies of its row for other patients,
 * because rendering thousands of forms would measure the printer, not the sync.
 */
export async function addIntakes(
  fx: SyncDesk,
  b: { reception: HandlerContext; call(ctx: HandlerContext, m: string, input: unknown): Promise<Result<unknown>> },
  n: number,
  actor: Actor,
): Promise<void> {
  const store = fx.desk.store();
  const first = expectOk(await b.call(b.reception, 'patient.create', { patient: samplePatient({ iin: null, document: { type: 'passport', number: 'N0000001', issuedOn: null, issuer: null, expiresOn: null }, phone: '+79160000001' }) })) as { id: string };
  const { consent } = expectOk(await b.call(b.reception, 'consent.prepare', { patientId: first.id, language: 'kk+ru', purposes: PURPOSES, signer: { kind: 'subject' } })) as { consent: { id: string } };
  expectOk(await b.call(b.reception, 'consent.sign', { consentId: consent.id, signature: { kind: 'paper' } }));
  const copy = store.db.prepare(
    `INSERT INTO consent (id, number, patient_id, version, language, text_sha256, fill, purposes, state, signature_kind, signed_by, pdf, pdf_sha256, pdf_size,
       created_at, created_by, signed_at, confirmed_by)
     SELECT @id, @number, @patient, version, language, text_sha256, fill, purposes, 'active', 'paper', 'subject', pdf, pdf_sha256, pdf_size,
       created_at, created_by, signed_at, confirmed_by FROM consent WHERE id = @template`,
  );
  store.db.transaction(() => {
    for (let i = 0; i < n - 1; i++) {
      const p = store.patients.create(syntheticPatient(i), actor);
      const id = randomUUID();
      copy.run({ id, number: `BULK-${String(i).padStart(6, '0')}`, patient: p.id, template: consent.id });
      store.audit.append({ action: 'consent.signed', staffId: actor.staffId, entityType: 'consent', entityId: id, details: { patientId: p.id, signature: 'paper' } });
      enqueue(store.db, 'Consent', id, actor.at);
      enqueue(store.db, 'DocumentReference', id, actor.at);
    }
  })();
}
