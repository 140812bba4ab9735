import type { Coding, Identifier, Patient as FhirPatient, PatientContact } from '@medplum/fhirtypes';
import { z } from 'zod';
import { FHIR_SYSTEMS } from '../../fhir/systems.js';
import { REPRESENTATIVE_BASES, type IdDocumentType, type RepresentativeBasis } from '../schema.js';

/**
 * The FHIR R4 `Patient` elements the descriptor's fields read and write (fields.ts). Each
 * field writes its own part of the resource: these helpers find, or create the first time,
 * the element several fields share (the official name, the document identifier, the
 * representative's contact), so the fields can be applied one by one in descriptor order.
 * Isomorphic: zod and constants only.
 */
export const PATIENT_FHIR = {
  idDocumentType: 'https://fhir.aimedlab.kz/CodeSystem/id-document-type',
  representativeBasis: 'https://fhir.aimedlab.kz/CodeSystem/representative-basis',
  representativeIin: 'https://fhir.aimedlab.kz/StructureDefinition/representative-iin',
} as const;

export const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const V3_ROLE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const BCP47 = 'urn:ietf:bcp:47';

/** HL7 codes for interoperability; ours (above) is what the reverse mapping reads. */
const V2_DOCUMENT: Partial<Record<IdDocumentType, string>> = { passport: 'PPN', 'birth-certificate': 'BCT', 'residence-permit': 'PRC' };
const V3_BASIS: Record<RepresentativeBasis, string> = {
  'power-of-attorney': 'POWATT',
  'birth-certificate': 'PRN',
  'court-decision': 'GUARD',
  guardianship: 'GUARD',
};

// --- reading: what the central system sent, checked before anything is read from it ---

const codingSchema = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const conceptSchema = z.looseObject({ coding: z.array(codingSchema).optional(), text: z.string().optional() });
const identifierSchema = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
  type: conceptSchema.optional(),
  period: z.looseObject({ start: z.string().optional(), end: z.string().optional() }).optional(),
  assigner: z.looseObject({ display: z.string().optional() }).optional(),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The parts of a FHIR Patient this mapping reads; anything else is ignored. */
export const fhirPatientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  meta: z.looseObject({ versionId: z.string().optional() }).optional(),
  identifier: z.array(identifierSchema).optional(),
  active: z.boolean().optional(),
  name: z.array(z.looseObject({ use: z.string().optional(), family: z.string().optional(), given: z.array(z.string()).optional() })).optional(),
  telecom: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  gender: z.string().optional(),
  birthDate: isoDate.optional(),
  address: z.array(z.looseObject({ text: z.string().optional() })).optional(),
  contact: z
    .array(
      z.looseObject({
        extension: z.array(z.looseObject({ url: z.string(), valueIdentifier: identifierSchema.optional() })).optional(),
        relationship: z.array(conceptSchema).optional(),
        name: z.looseObject({ text: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  communication: z.array(z.looseObject({ language: conceptSchema, preferred: z.boolean().optional() })).optional(),
  link: z.array(z.looseObject({ other: z.looseObject({ reference: z.string().optional() }), type: z.string() })).optional(),
});
export type FhirPatientView = z.infer<typeof fhirPatientSchema>;

/** The value among `allowed` that equals `value`, typed as such. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  return allowed.find((a) => a === value);
}

export function codeIn<T extends string>(concept: z.infer<typeof conceptSchema> | undefined, system: string, allowed: readonly T[]): T | undefined {
  return oneOf(allowed, concept?.coding?.find((c) => c.system === system)?.code);
}

export const officialName = (r: FhirPatientView) => r.name?.find((n) => n.use === 'official') ?? r.name?.[0];
export const identifierOf = (r: FhirPatientView, system: string) => r.identifier?.find((i) => i.system === system);
export const telecomOf = (r: FhirPatientView, system: 'phone' | 'email') => r.telecom?.find((t) => t.system === system)?.value ?? null;

/** The first contact that names a representative completely (basis, IIN and name). */
export function representativeOf(r: FhirPatientView): { fullName: string; iin: string; basis: RepresentativeBasis } | null {
  for (const c of r.contact ?? []) {
    const basis = c.relationship?.map((x) => codeIn(x, PATIENT_FHIR.representativeBasis, REPRESENTATIVE_BASES)).find(Boolean);
    const iin = c.extension?.find((e) => e.url === PATIENT_FHIR.representativeIin)?.valueIdentifier?.value;
    const fullName = c.name?.text;
    if (basis && iin && fullName) return { fullName, iin, basis };
  }
  return null;
}

// --- writing: each field sets its part; shared elements are made on first use ---

export function nameOf(out: FhirPatient) {
  out.name ??= [{ use: 'official' }];
  return out.name[0]!;
}

export function documentOf(out: FhirPatient): Identifier {
  out.identifier ??= [];
  let id = out.identifier.find((i) => i.system === FHIR_SYSTEMS.idDocument);
  if (!id) {
    id = { use: 'official', system: FHIR_SYSTEMS.idDocument };
    out.identifier.push(id);
  }
  return id;
}

export function documentTypeConcept(type: IdDocumentType) {
  const coding: Coding[] = [{ system: PATIENT_FHIR.idDocumentType, code: type }];
  const v2 = V2_DOCUMENT[type];
  if (v2) coding.push({ system: V2_0203, code: v2 });
  return { coding };
}

export function representativeContactOf(out: FhirPatient): PatientContact {
  out.contact ??= [{}];
  return out.contact[0]!;
}

export function basisConcept(basis: RepresentativeBasis) {
  return {
    coding: [
      { system: PATIENT_FHIR.representativeBasis, code: basis },
      { system: V3_ROLE, code: V3_BASIS[basis] },
    ],
    text: 'legal representative',
  };
}
