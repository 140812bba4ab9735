/**
 * URIs this app uses on the FHIR wire. They are the laboratory's own naming systems;
 * a central system that uses other URIs maps them (see README, "Pointing the app at a FHIR server").
 */
export const FHIR_SYSTEMS = {
  /** Kazakhstan individual identification number (ИИН / ЖСН), 12 digits. */
  iin: 'https://fhir.aimedlab.kz/sid/iin',
  /** Business identification number (БИН / БСН) of an organization, 12 digits. */
  bin: 'https://fhir.aimedlab.kz/sid/bin',
  /** The branch that created or last touched a resource (meta.tag). */
  branch: 'https://fhir.aimedlab.kz/CodeSystem/branch',
  /** Consent purposes, one code per purpose of policy 2.1. */
  consentPurpose: 'https://fhir.aimedlab.kz/CodeSystem/consent-purpose',
  /** Versions of the consent text: policy.uri is `${consentText}/<version>/<lang>`. */
  consentText: 'https://fhir.aimedlab.kz/consent-text',
  /** Identity document numbers (ID card, passport…). */
  idDocument: 'https://fhir.aimedlab.kz/sid/id-document',
  /** Audit actions of the local audit log (AuditEvent.subtype). */
  auditAction: 'https://fhir.aimedlab.kz/CodeSystem/audit-action',
} as const;
