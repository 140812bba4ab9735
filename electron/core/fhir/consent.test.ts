import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Consent } from '../consent/consent-repo.js';
import { consentPdfToFhir, consentToFhir, withdrawalFromFhir } from './consent.js';
import { FhirValidator } from './validate.js';

const validator = new FhirValidator();
const pdf = Buffer.from('%PDF-1.7 test bytes');
const ctx = {
  operator: { legalName: 'ТОО «АйМедЛаб»', bin: '160440012346' },
  branchCode: 'ALA-01',
  pdf: { size: pdf.length, sha1Base64: createHash('sha1').update(pdf).digest('base64'), sha256Hex: createHash('sha256').update(pdf).digest('hex') },
};

const base: Consent = {
  id: '0b9c7c2e-4d5f-4a8e-9f51-5d7a2c1e3b10',
  number: 'ALA-01-2026-000001',
  patientId: '8a1f5e2c-3b4d-4c6e-8f70-9a1b2c3d4e5f',
  version: 'v1',
  language: 'kk+ru',
  textSha256: 'a'.repeat(64),
  purposes: [
    { id: 'lab-services', chosen: true },
    { id: 'result-notification', chosen: false },
  ],
  state: 'active',
  signatureKind: 'paper',
  signer: { kind: 'subject' },
  hasDrawnSignature: false,
  pdfSha256: ctx.pdf.sha256Hex,
  pdfSize: pdf.length,
  createdAt: '2026-11-25T06:00:00.000Z',
  createdBy: null,
  signedAt: '2026-11-25T06:05:00.000Z',
  confirmedBy: null,
  refusedAt: null,
  withdrawnAt: null,
  withdrawalReason: null,
  withdrawalSource: null,
};

describe('consent → FHIR R4', () => {
  it('maps scope, policy, one provision per purpose, performer, organization and the PDF, and validates as R4', () => {
    const r = consentToFhir(base, ctx);
    expect(validator.errors(r)).toEqual([]);
    expect(r.scope?.coding?.[0]?.code).toBe('patient-privacy');
    expect(r.policy?.map((p) => p.uri)).toEqual(['https://fhir.aimedlab.kz/consent-text/v1/kk', 'https://fhir.aimedlab.kz/consent-text/v1/ru']);
    expect(r.provision?.provision?.map((p) => [p.purpose?.[0]?.code, p.type])).toEqual([
      ['lab-services', 'permit'],
      ['result-notification', 'deny'],
    ]);
    expect(r.performer).toEqual([{ reference: `Patient/${base.patientId}` }]);
    expect(r.organization?.[0]?.identifier?.value).toBe('160440012346');
    expect(r.sourceAttachment).toMatchObject({ size: pdf.length, hash: ctx.pdf.sha1Base64 });
  });

  it('maps a representative signer, a withdrawal, and a pending consent, each valid R4', () => {
    const rep = consentToFhir({ ...base, signer: { kind: 'representative', fullName: 'Нұрланова Әйгерім', iin: '880315400010', basis: 'birth-certificate' } }, ctx);
    expect(validator.errors(rep)).toEqual([]);
    expect(rep.performer?.[0]?.identifier?.value).toBe('880315400010');
    const withdrawn = consentToFhir({ ...base, state: 'withdrawn', withdrawnAt: '2026-11-26T08:00:00.000Z', withdrawalReason: 'по заявлению', withdrawalSource: 'desk' }, ctx);
    expect(validator.errors(withdrawn)).toEqual([]);
    expect(withdrawn.status).toBe('inactive');
    expect(withdrawalFromFhir(withdrawn)).toEqual({ consentId: base.id, at: '2026-11-26T08:00:00.000Z', reason: 'по заявлению' });
    const pending = consentToFhir({ ...base, state: 'pending-signature', signatureKind: null, signedAt: null }, { ...ctx, pdf: null });
    expect(validator.errors(pending)).toEqual([]);
    expect(pending.status).toBe('proposed');
  });

  it('carries the signed PDF as a valid DocumentReference', () => {
    const d = consentPdfToFhir(base, pdf, ctx);
    expect(validator.errors(d)).toEqual([]);
    expect(Buffer.from(d.content[0]!.attachment.data!, 'base64').equals(pdf)).toBe(true);
  });

  it('the validator does reject invalid resources (missing required element, unknown element, wrong type)', () => {
    const { scope: _scope, ...noScope } = consentToFhir(base, ctx);
    expect(validator.errors(noScope as Parameters<FhirValidator['errors']>[0]).length).toBeGreaterThan(0);
    const extra = { ...consentToFhir(base, ctx), signedOnPaper: true } as unknown as Parameters<FhirValidator['errors']>[0];
    expect(validator.errors(extra).length).toBeGreaterThan(0);
    const wrongType = { ...consentToFhir(base, ctx), dateTime: 42 } as unknown as Parameters<FhirValidator['errors']>[0];
    expect(validator.errors(wrongType).length).toBeGreaterThan(0);
  });
});
