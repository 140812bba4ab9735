import type { Coding, ContactPoint, Identifier, Patient as FhirPatient, PatientContact } from '@medplum/fhirtypes';
import { z } from 'zod';
import type { PatientStatus } from '../patients/patient-row.js';
import { ID_DOCUMENT_TYPES, REPRESENTATIVE_BASES, SEXES, type IdDocumentType, type PatientInput, type RepresentativeBasis } from '../patients/schema.js';
import { FHIR_SYSTEMS } from './systems.js';

/**
 * The desk's patient as a FHIR R4 `Patient`, and back.
 *
 * | desk field              | FHIR element                                                                     |
 * |-------------------------|----------------------------------------------------------------------------------|
 * | id (device UUID)        | `id`                                                                             |
 * | iin                     | `identifier[system = FHIR_SYSTEMS.iin]` (type v2-0203 `NNKAZ`)                    |
 * | surname                 | `name[0].family`                                                                 |
 * | givenName               | `name[0].given[0]` (kept whole, even if it has spaces)                           |
 * | patronymic              | `name[0].given[1]`: R4 has no patronymic element; the second given is the usual  |
 * |                         | place, and we never write more than two, so position decides                     |
 * | birthDate, sex          | `birthDate`, `gender`                                                            |
 * | document                | `identifier[system = FHIR_SYSTEMS.idDocument]`: type in `type.coding` (ours and   |
 * |                         | v2-0203 where one fits), issued/expires in `period`, issuer in `assigner.display` |
 * | phone (E.164), email    | `telecom` (`phone`/`mobile`, `email`)                                            |
 * | address                 | `address[0].text`                                                                |
 * | representative          | `contact[0]`: basis in `relationship` (ours and v3 RoleCode), name in            |
 * |                         | `name.text`, IIN in the `representative-iin` extension (valueIdentifier)          |
 * | preferredLanguage       | `communication[0]` (BCP 47 `kk`/`ru`, preferred)                                 |
 * | status                  | `active` (false when merged or blocked) and, when merged, `link` `replaced-by`    |
 * | branch (not a field)    | `meta.tag` under `FHIR_SYSTEMS.branch`                                           |
 */
export const PATIENT_FHIR = {
  idDocumentType: 'https://fhir.aimedlab.kz/CodeSystem/id-document-type',
  representativeBasis: 'https://fhir.aimedlab.kz/CodeSystem/representative-basis',
  representativeIin: 'https://fhir.aimedlab.kz/StructureDefinition/representative-iin',
} as const;

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const V3_ROLE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
const BCP47 = 'urn:ietf:bcp:47';

/** HL7 codes for interoperability; ours (above) is what the reverse mapping reads. */
const V2_DOCUMENT: Partial<Record<IdDocumentType, string>> = { passport: 'PPN', 'birth-certificate': 'BCT', 'residence-permit': 'PRC' };
const V3_BASIS: Record<RepresentativeBasis, string> = {
  'power-of-attorney': 'POWATT',
  'birth-certificate': 'PRN',
  'court-decision': 'GUARD',
  guardianship: 'GUARD',
};

/** What the mapping needs from a local patient (a `Patient` from the reader fits). */
export interface PatientForFhir extends PatientInput {
  id: string;
  status: PatientStatus;
  mergedInto: string | null;
}

function documentIdentifier(p: PatientInput): Identifier {
  const d = p.document;
  const coding: Coding[] = [{ system: PATIENT_FHIR.idDocumentType, code: d.type }];
  const v2 = V2_DOCUMENT[d.type];
  if (v2) coding.push({ system: V2_0203, code: v2 });
  const id: Identifier = { use: 'official', type: { coding }, system: FHIR_SYSTEMS.idDocument, value: d.number };
  if (d.issuedOn || d.expiresOn) id.period = { ...(d.issuedOn ? { start: d.issuedOn } : {}), ...(d.expiresOn ? { end: d.expiresOn } : {}) };
  if (d.issuer) id.assigner = { display: d.issuer };
  return id;
}

function representativeContact(r: NonNullable<PatientInput['representative']>): PatientContact {
  return {
    extension: [{ url: PATIENT_FHIR.representativeIin, valueIdentifier: { system: FHIR_SYSTEMS.iin, value: r.iin } }],
    relationship: [
      {
        coding: [
          { system: PATIENT_FHIR.representativeBasis, code: r.basis },
          { system: V3_ROLE, code: V3_BASIS[r.basis] },
        ],
        text: 'legal representative',
      },
    ],
    name: { text: r.fullName },
  };
}

export function patientToFhir(p: PatientForFhir, branchCode: string): FhirPatient {
  const identifier: Identifier[] = [];
  if (p.iin) identifier.push({ use: 'official', type: { coding: [{ system: V2_0203, code: 'NNKAZ' }] }, system: FHIR_SYSTEMS.iin, value: p.iin });
  identifier.push(documentIdentifier(p));
  const telecom: ContactPoint[] = [{ system: 'phone', value: p.phone, use: 'mobile' }];
  if (p.email) telecom.push({ system: 'email', value: p.email });
  const out: FhirPatient = {
    resourceType: 'Patient',
    id: p.id,
    meta: { tag: [{ system: FHIR_SYSTEMS.branch, code: branchCode }] },
    identifier,
    active: p.status === 'active',
    name: [
      {
        use: 'official',
        text: [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' '),
        family: p.surname,
        given: p.patronymic ? [p.givenName, p.patronymic] : [p.givenName],
      },
    ],
    telecom,
    gender: p.sex,
    birthDate: p.birthDate,
    address: [{ use: 'home', text: p.address }],
  };
  if (p.representative) out.contact = [representativeContact(p.representative)];
  if (p.preferredLanguage) out.communication = [{ language: { coding: [{ system: BCP47, code: p.preferredLanguage }] }, preferred: true }];
  if (p.status === 'merged' && p.mergedInto) out.link = [{ other: { reference: `Patient/${p.mergedInto}` }, type: 'replaced-by' }];
  return out;
}

// --- the reverse: what the central system sent, checked before anything is stored ---

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

export type PatientFromFhir =
  | { ok: true; id: string; version: string | null; input: PatientInput; status: PatientStatus; mergedInto: string | null }
  /** `missing` names the desk fields the resource lacks (paths, never values). */
  | { ok: false; missing: string[] };

function codeIn<T extends string>(concept: z.infer<typeof conceptSchema> | undefined, system: string, allowed: readonly T[]): T | undefined {
  const code = concept?.coding?.find((c) => c.system === system)?.code;
  return allowed.find((a) => a === code);
}

function representativeFrom(contacts: z.infer<typeof fhirPatientSchema>['contact']): PatientInput['representative'] {
  for (const c of contacts ?? []) {
    const basis = c.relationship?.map((r) => codeIn(r, PATIENT_FHIR.representativeBasis, REPRESENTATIVE_BASES)).find(Boolean);
    const iin = c.extension?.find((e) => e.url === PATIENT_FHIR.representativeIin)?.valueIdentifier?.value;
    const fullName = c.name?.text;
    if (basis && iin && fullName) return { fullName, iin, basis };
  }
  return null;
}

/**
 * A FHIR Patient as the desk's patient. Refuses (with the list of missing fields) a resource
 * without what the desk requires, instead of inventing values: such a record is shown as
 * incomplete, never stored half-filled.
 */
export function patientFromFhir(resource: unknown): PatientFromFhir {
  const parsed = fhirPatientSchema.safeParse(resource);
  if (!parsed.success) return { ok: false, missing: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'resource'))] };
  const r = parsed.data;
  const ids = r.identifier ?? [];
  const iin = ids.find((i) => i.system === FHIR_SYSTEMS.iin)?.value ?? null;
  const doc = ids.find((i) => i.system === FHIR_SYSTEMS.idDocument);
  const docType = codeIn(doc?.type, PATIENT_FHIR.idDocumentType, ID_DOCUMENT_TYPES);
  const name = r.name?.find((n) => n.use === 'official') ?? r.name?.[0];
  const sex = SEXES.find((s) => s === r.gender);
  const phone = r.telecom?.find((t) => t.system === 'phone')?.value;
  const address = r.address?.[0]?.text;
  const surname = name?.family;
  const givenName = name?.given?.[0];
  const required = { surname, givenName, birthDate: r.birthDate, sex, 'document.number': doc?.value, 'document.type': docType, phone, address };
  const missing = Object.entries(required).flatMap(([k, v]) => (v ? [] : [k]));
  if (!surname || !givenName || !r.birthDate || !sex || !doc?.value || !docType || !phone || !address) return { ok: false, missing };
  const lang = r.communication?.find((c) => c.preferred !== false)?.language.coding?.find((c) => c.system === BCP47)?.code;
  const replacedBy = r.link?.find((l) => l.type === 'replaced-by')?.other.reference?.match(/^Patient\/([A-Za-z0-9\-.]{1,64})$/)?.[1] ?? null;
  const input: PatientInput = {
    iin,
    surname,
    givenName,
    patronymic: name?.given?.[1] ?? null,
    birthDate: r.birthDate,
    sex,
    document: {
      type: docType,
      number: doc.value,
      issuedOn: doc.period?.start ?? null,
      issuer: doc.assigner?.display ?? null,
      expiresOn: doc.period?.end ?? null,
    },
    phone,
    email: r.telecom?.find((t) => t.system === 'email')?.value ?? null,
    address,
    representative: representativeFrom(r.contact),
    preferredLanguage: lang === 'kk' || lang === 'ru' ? lang : null,
  };
  const status: PatientStatus = replacedBy ? 'merged' : r.active === false ? 'blocked' : 'active';
  return { ok: true, id: r.id, version: r.meta?.versionId ?? null, input, status, mergedInto: replacedBy };
}
