import type { Consent as FhirConsent, ConsentProvision, DocumentReference, Extension } from '@medplum/fhirtypes';
import type { Consent } from '../consent/consent-repo.js';
import { FHIR_SYSTEMS } from './systems.js';

/**
 * A desk consent as a FHIR R4 Consent:
 * - scope `patient-privacy`, category LOINC 59284-0 (patient consent);
 * - `policy.uri` names the exact text version and language: `<consentText>/<version>/<lang>`;
 * - one nested `provision` per purpose of that version, `permit` if chosen, `deny` if not;
 * - `performer` is who signed (the patient, or the representative by IIN);
 * - `organization` is the operator (by BIN);
 * - `sourceAttachment` points at the signed PDF (its DocumentReference) with its size and hash
 *   (R4 defines Attachment.hash as SHA-1; the SHA-256 the desk records is in an extension).
 */
export interface ConsentMappingContext {
  operator: { legalName: string; bin: string };
  pdf: { size: number; sha1Base64: string; sha256Hex: string } | null;
  branchCode: string;
}

const STATUS: Record<Consent['state'], FhirConsent['status']> = {
  'pending-signature': 'proposed',
  active: 'active',
  refused: 'rejected',
  withdrawn: 'inactive',
};

export const EXT = {
  textSha256: 'https://fhir.aimedlab.kz/StructureDefinition/consent-text-sha256',
  documentNumber: 'https://fhir.aimedlab.kz/StructureDefinition/document-number',
  pdfSha256: 'https://fhir.aimedlab.kz/StructureDefinition/attachment-sha256',
  signatureKind: 'https://fhir.aimedlab.kz/StructureDefinition/signature-kind',
  representativeBasis: 'https://fhir.aimedlab.kz/StructureDefinition/representative-basis',
  withdrawal: 'https://fhir.aimedlab.kz/StructureDefinition/consent-withdrawal',
} as const;

function policyLanguages(c: Consent): string[] {
  return c.language === 'kk+ru' ? ['kk', 'ru'] : [c.language];
}

export function consentToFhir(c: Consent, ctx: ConsentMappingContext): FhirConsent {
  const extension: Extension[] = [
    { url: EXT.textSha256, valueString: c.textSha256 },
    { url: EXT.documentNumber, valueString: c.number },
  ];
  if (c.signatureKind) extension.push({ url: EXT.signatureKind, valueCode: c.signatureKind });
  if (c.state === 'withdrawn' && c.withdrawnAt) {
    extension.push({
      url: EXT.withdrawal,
      extension: [
        { url: 'date', valueDateTime: c.withdrawnAt },
        { url: 'reason', valueString: c.withdrawalReason ?? '' },
        { url: 'source', valueCode: c.withdrawalSource ?? 'desk' },
      ],
    });
  }
  const performer =
    c.signer.kind === 'representative'
      ? {
          display: c.signer.fullName,
          identifier: { system: FHIR_SYSTEMS.iin, value: c.signer.iin },
          extension: [{ url: EXT.representativeBasis, valueCode: c.signer.basis }],
        }
      : { reference: `Patient/${c.patientId}` };
  const provisions: ConsentProvision[] = c.purposes.map((p) => ({
    type: p.chosen ? 'permit' : 'deny',
    purpose: [{ system: FHIR_SYSTEMS.consentPurpose, code: p.id }],
  }));
  const out: FhirConsent = {
    resourceType: 'Consent',
    id: c.id,
    meta: { tag: [{ system: FHIR_SYSTEMS.branch, code: ctx.branchCode }] },
    extension,
    identifier: [{ system: `${FHIR_SYSTEMS.consentText}/document-number`, value: c.number }],
    status: STATUS[c.state],
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${c.patientId}` },
    dateTime: c.signedAt ?? c.createdAt,
    performer: [performer],
    organization: [{ display: ctx.operator.legalName, identifier: { system: FHIR_SYSTEMS.bin, value: ctx.operator.bin } }],
    policy: policyLanguages(c).map((lang) => ({ uri: `${FHIR_SYSTEMS.consentText}/${c.version}/${lang}` })),
    provision: { type: 'permit', provision: provisions },
  };
  if (ctx.pdf) {
    out.sourceAttachment = {
      contentType: 'application/pdf',
      url: `DocumentReference/${c.id}`,
      size: ctx.pdf.size,
      hash: ctx.pdf.sha1Base64,
      title: c.number,
      extension: [{ url: EXT.pdfSha256, valueString: ctx.pdf.sha256Hex }],
    };
  }
  return out;
}

/** The signed PDF itself, for the central archive. */
export function consentPdfToFhir(c: Consent, pdf: Buffer, ctx: ConsentMappingContext & { pdf: NonNullable<ConsentMappingContext['pdf']> }): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: c.id,
    meta: { tag: [{ system: FHIR_SYSTEMS.branch, code: ctx.branchCode }] },
    status: c.state === 'withdrawn' ? 'superseded' : 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
    subject: { reference: `Patient/${c.patientId}` },
    date: c.signedAt ?? c.createdAt,
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          data: pdf.toString('base64'),
          size: ctx.pdf.size,
          hash: ctx.pdf.sha1Base64,
          title: c.number,
          extension: [{ url: EXT.pdfSha256, valueString: ctx.pdf.sha256Hex }],
        },
      },
    ],
    context: { related: [{ reference: `Consent/${c.id}` }] },
  };
}

/** What the desk needs from a Consent pulled from the central system (a withdrawal made elsewhere). */
export function withdrawalFromFhir(r: FhirConsent): { consentId: string; at: string; reason: string } | null {
  if (r.status !== 'inactive' || !r.id) return null;
  const w = r.extension?.find((e) => e.url === EXT.withdrawal);
  const at = w?.extension?.find((e) => e.url === 'date')?.valueDateTime ?? r.meta?.lastUpdated ?? null;
  const reason = w?.extension?.find((e) => e.url === 'reason')?.valueString ?? '';
  return at ? { consentId: r.id, at, reason } : null;
}
