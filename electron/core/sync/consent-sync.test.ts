import type { Resource } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../testing/desk-fixture.js';
import { samplePatient } from '../testing/patients.js';
import { FAST, prepareBranch, waitFor } from './testing/branch.js';
import { BRANCH_TOKENS, startCentral, type RunningCentral } from './testing/central.js';
import { FhirValidator } from '../fhir/validate.js';
import { makeSyncDesk, type SyncDesk } from './testing/sync-desk.js';

/** The official R4 definitions, loaded on first use. */
const validator = new FhirValidator();

let central: RunningCentral;
let fx: SyncDesk;
afterEach(async () => {
  fx?.cleanup();
  await central?.close();
});

describe('consents on the wire', () => {
  it('uploads a signed consent and its PDF, and applies a withdrawal made at the central system', async () => {
    central = await startCentral();
    fx = makeSyncDesk({ config: FAST });
    const b = await prepareBranch(fx, { url: central.url, token: BRANCH_TOKENS['ALA-01'] });
    const patient = expectOk(await b.call(b.reception, 'patient.create', { patient: samplePatient() })) as { id: string };
    const purposes = [
      ['lab-services', true],
      ['medical-records', true],
      ['contract-performance', true],
      ['legal-obligations', true],
      ['result-notification', false],
      ['website-account', false],
    ].map(([id, chosen]) => ({ id, chosen }));
    const { consent } = expectOk(await b.call(b.reception, 'consent.prepare', { patientId: patient.id, language: 'kk+ru', purposes, signer: { kind: 'subject' } })) as { consent: { id: string } };
    expectOk(await b.call(b.reception, 'consent.sign', { consentId: consent.id, signature: { kind: 'paper' } }));
    await waitFor('the consent and its PDF at the central system', async () => (await central.server.admin.read('DocumentReference', consent.id)) !== undefined && fx.sync().status().queued === 0);

    const remote = await central.server.admin.read('Consent', consent.id);
    expect(remote).toMatchObject({ status: 'active', patient: { reference: `Patient/${patient.id}` } });
    const doc = await central.server.admin.read('DocumentReference', consent.id);
    const pdf = (doc as { content: { attachment: { data: string } }[] }).content[0]!.attachment.data;
    expect(Buffer.from(pdf, 'base64').subarray(0, 8).toString()).toBe('%PDF-1.7');
    for (const r of [remote, doc]) expect(validator.errors(r as unknown as Resource)).toEqual([]);

    // Withdrawn through the website: the central system marks the consent inactive.
    await central.server.admin.editResource('Consent', consent.id, (cur) => ({ ...cur, status: 'inactive' }));
    const consents = fx.desk.store().consents;
    await waitFor('the withdrawal to arrive', () => consents.get(consent.id)?.state === 'withdrawn');
    expect(consents.get(consent.id)).toMatchObject({ withdrawalSource: 'central' });
    expect(fx.desk.store().patients.get(patient.id)?.status).toBe('blocked');
    expect(fx.desk.store().db.prepare("SELECT kind, status FROM dpo_task WHERE consent_id = ?").get(consent.id)).toEqual({ kind: 'consent-withdrawn', status: 'open' });
    // Applied, not sent back: the central version stays the one it made.
    await waitFor('quiet', () => fx.sync().status().queued === 0);
    expect(await central.server.admin.countVersions('Consent', consent.id)).toBe(2);
  });
});
