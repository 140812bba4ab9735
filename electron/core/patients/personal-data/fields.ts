import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import { FHIR_SYSTEMS } from '../../fhir/systems.js';
import { ID_DOCUMENT_TYPES, REPRESENTATIVE_BASES, SEXES, type PatientInput } from '../schema.js';
import {
  basisConcept,
  BCP47,
  codeIn,
  documentOf,
  documentTypeConcept,
  identifierOf,
  nameOf,
  officialName,
  oneOf,
  PATIENT_FHIR,
  representativeContactOf,
  representativeOf,
  telecomOf,
  V2_0203,
  type FhirPatientView,
} from './fhir-elements.js';
import type { Anonymization, DisplayKind, FieldGroup, PersonalDataCategory, SearchUse } from './kinds.js';

/**
 * THE description of every patient field that holds personal data: where it is stored, how
 * it is shown, how it maps to FHIR both ways, how it is searched, how it is anonymized and
 * which category of policy 2.8 it belongs to. Row mapping, history snapshots, diffs, the FHIR
 * mapping, conflict resolution and the renderer's card all derive from this list, and
 * personal-data.test.ts fails when a column of the store is not described here or in
 * storage.ts. Adding a patient field starts here.
 *
 * The order is the order of the registration form and of history entries: never reorder
 * (stored history rows list fields in this order).
 */
export interface PatientFieldDescriptor {
  /** The flat key: history entries, diffs, merge choices, form paths, label keys (`field.<key>`). */
  readonly key: string;
  /** Its column in the `patient` table. */
  readonly column: string;
  readonly group: FieldGroup;
  readonly category: PersonalDataCategory;
  /** NOT NULL in the store and required from FHIR; the representative's are required together. */
  readonly required: boolean;
  readonly display: DisplayKind;
  /**
   * Position on the patient card and the merge view: by section, as on the registration form
   * (names, IIN and birth as printed on the ID card, then document, contacts, representative).
   */
  readonly displayOrder: number;
  /** Shown side by side when a manager decides whether two records are one person. */
  readonly inMergeView: boolean;
  /** The allowed values of a coded field. */
  readonly values?: readonly string[];
  readonly search: readonly SearchUse[];
  readonly anonymize: Anonymization;
  get(p: PatientInput): string | null;
  readonly fhir: {
    /** Where it lives in a FHIR R4 Patient (the README's mapping table says the same). */
    readonly element: string;
    read(r: FhirPatientView): string | null;
    /** Sets the value (never null: absent values are simply not written). */
    write(out: FhirPatient, value: string): void;
  };
}

const PLACEHOLDER = { kind: 'replace', with: 'placeholder' } as const;
const REMOVE = { kind: 'remove' } as const;

export const PATIENT_FIELDS = [
  {
    key: 'iin',
    column: 'iin',
    group: 'person',
    category: 'iin',
    required: false,
    display: { kind: 'iin' },
    displayOrder: 4,
    inMergeView: true,
    search: ['iin-prefix', 'duplicates'],
    anonymize: REMOVE,
    get: (p) => p.iin,
    fhir: {
      element: 'identifier[system = FHIR_SYSTEMS.iin] (type v2-0203 NNKAZ)',
      read: (r) => identifierOf(r, FHIR_SYSTEMS.iin)?.value ?? null,
      write: (out, v) => (out.identifier ??= []).push({ use: 'official', type: { coding: [{ system: V2_0203, code: 'NNKAZ' }] }, system: FHIR_SYSTEMS.iin, value: v }),
    },
  },
  {
    key: 'surname',
    column: 'surname',
    group: 'person',
    category: 'full-name',
    required: true,
    display: { kind: 'text' },
    displayOrder: 1,
    inMergeView: true,
    search: ['name', 'duplicates'],
    anonymize: PLACEHOLDER,
    get: (p) => p.surname,
    fhir: { element: 'name[0].family', read: (r) => officialName(r)?.family ?? null, write: (out, v) => void (nameOf(out).family = v) },
  },
  {
    key: 'givenName',
    column: 'given_name',
    group: 'person',
    category: 'full-name',
    required: true,
    display: { kind: 'text' },
    displayOrder: 2,
    inMergeView: true,
    search: ['name', 'duplicates'],
    anonymize: PLACEHOLDER,
    get: (p) => p.givenName,
    // Kept whole, even with spaces: the patronymic is the second given, so position decides.
    fhir: { element: 'name[0].given[0]', read: (r) => officialName(r)?.given?.[0] ?? null, write: (out, v) => void (nameOf(out).given = [v]) },
  },
  {
    key: 'patronymic',
    column: 'patronymic',
    group: 'person',
    category: 'full-name',
    required: false,
    display: { kind: 'text' },
    displayOrder: 3,
    inMergeView: true,
    search: ['name'],
    anonymize: REMOVE,
    get: (p) => p.patronymic,
    // R4 has no patronymic element; the second given name is the usual place.
    fhir: { element: 'name[0].given[1]', read: (r) => officialName(r)?.given?.[1] ?? null, write: (out, v) => void (nameOf(out).given ??= []).push(v) },
  },
  {
    key: 'birthDate',
    column: 'birth_date',
    group: 'person',
    category: 'demographics',
    required: true,
    display: { kind: 'date' },
    displayOrder: 5,
    inMergeView: true,
    search: ['duplicates'],
    anonymize: { kind: 'replace', with: 'birth-year' },
    get: (p) => p.birthDate,
    fhir: { element: 'birthDate', read: (r) => r.birthDate ?? null, write: (out, v) => void (out.birthDate = v) },
  },
  {
    key: 'sex',
    column: 'sex',
    group: 'person',
    category: 'demographics',
    required: true,
    display: { kind: 'code', codes: 'sex' },
    displayOrder: 6,
    inMergeView: true,
    values: SEXES,
    search: [],
    anonymize: { kind: 'keep', why: 'laboratory reference ranges depend on it; alone it identifies nobody' },
    get: (p) => p.sex,
    fhir: { element: 'gender', read: (r) => oneOf(SEXES, r.gender) ?? null, write: (out, v) => void (out.gender = oneOf(SEXES, v)) },
  },
  {
    key: 'document.type',
    column: 'doc_type',
    group: 'document',
    category: 'identity-document',
    required: true,
    display: { kind: 'code', codes: 'documentType' },
    displayOrder: 7,
    inMergeView: true,
    values: ID_DOCUMENT_TYPES,
    search: [],
    anonymize: { kind: 'keep', why: 'the kind of document identifies nobody' },
    get: (p) => p.document.type,
    fhir: {
      element: 'identifier[system = FHIR_SYSTEMS.idDocument].type.coding (ours, and v2-0203 where one fits)',
      read: (r) => codeIn(identifierOf(r, FHIR_SYSTEMS.idDocument)?.type, PATIENT_FHIR.idDocumentType, ID_DOCUMENT_TYPES) ?? null,
      write: (out, v) => {
        const type = oneOf(ID_DOCUMENT_TYPES, v);
        if (type) documentOf(out).type = documentTypeConcept(type);
      },
    },
  },
  {
    key: 'document.number',
    column: 'doc_number',
    group: 'document',
    category: 'identity-document',
    required: true,
    display: { kind: 'text' },
    displayOrder: 8,
    inMergeView: true,
    search: [],
    anonymize: PLACEHOLDER,
    get: (p) => p.document.number,
    fhir: {
      element: 'identifier[system = FHIR_SYSTEMS.idDocument].value',
      read: (r) => identifierOf(r, FHIR_SYSTEMS.idDocument)?.value ?? null,
      write: (out, v) => void (documentOf(out).value = v),
    },
  },
  {
    key: 'document.issuedOn',
    column: 'doc_issued_on',
    group: 'document',
    category: 'identity-document',
    required: false,
    display: { kind: 'date' },
    displayOrder: 9,
    inMergeView: false,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.document.issuedOn,
    fhir: {
      element: 'identifier[system = FHIR_SYSTEMS.idDocument].period.start',
      read: (r) => identifierOf(r, FHIR_SYSTEMS.idDocument)?.period?.start ?? null,
      write: (out, v) => void (documentOf(out).period = { start: v, ...documentOf(out).period }),
    },
  },
  {
    key: 'document.issuer',
    column: 'doc_issuer',
    group: 'document',
    category: 'identity-document',
    required: false,
    display: { kind: 'text' },
    displayOrder: 10,
    inMergeView: false,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.document.issuer,
    fhir: {
      element: 'identifier[system = FHIR_SYSTEMS.idDocument].assigner.display',
      read: (r) => identifierOf(r, FHIR_SYSTEMS.idDocument)?.assigner?.display ?? null,
      write: (out, v) => void (documentOf(out).assigner = { display: v }),
    },
  },
  {
    key: 'document.expiresOn',
    column: 'doc_expires_on',
    group: 'document',
    category: 'identity-document',
    required: false,
    display: { kind: 'date' },
    displayOrder: 11,
    inMergeView: false,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.document.expiresOn,
    fhir: {
      element: 'identifier[system = FHIR_SYSTEMS.idDocument].period.end',
      read: (r) => identifierOf(r, FHIR_SYSTEMS.idDocument)?.period?.end ?? null,
      write: (out, v) => void (documentOf(out).period = { ...documentOf(out).period, end: v }),
    },
  },
  {
    key: 'phone',
    column: 'phone',
    group: 'contact',
    category: 'contact',
    required: true,
    display: { kind: 'phone' },
    displayOrder: 12,
    inMergeView: true,
    search: ['phone-prefix', 'duplicates'],
    anonymize: PLACEHOLDER,
    get: (p) => p.phone,
    fhir: { element: "telecom[system = 'phone'] (E.164, use mobile)", read: (r) => telecomOf(r, 'phone'), write: (out, v) => void (out.telecom ??= []).push({ system: 'phone', value: v, use: 'mobile' }) },
  },
  {
    key: 'email',
    column: 'email',
    group: 'contact',
    category: 'contact',
    required: false,
    display: { kind: 'text' },
    displayOrder: 13,
    inMergeView: true,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.email,
    fhir: { element: "telecom[system = 'email']", read: (r) => telecomOf(r, 'email'), write: (out, v) => void (out.telecom ??= []).push({ system: 'email', value: v }) },
  },
  {
    key: 'address',
    column: 'address',
    group: 'contact',
    category: 'contact',
    required: true,
    display: { kind: 'text' },
    displayOrder: 14,
    inMergeView: true,
    search: [],
    anonymize: PLACEHOLDER,
    get: (p) => p.address,
    fhir: { element: 'address[0].text (use home)', read: (r) => r.address?.[0]?.text ?? null, write: (out, v) => void (out.address = [{ use: 'home', text: v }]) },
  },
  {
    key: 'representative.fullName',
    column: 'rep_full_name',
    group: 'representative',
    category: 'representative',
    required: false,
    display: { kind: 'text' },
    displayOrder: 16,
    inMergeView: true,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.representative?.fullName ?? null,
    fhir: { element: 'contact[0].name.text', read: (r) => representativeOf(r)?.fullName ?? null, write: (out, v) => void (representativeContactOf(out).name = { text: v }) },
  },
  {
    key: 'representative.iin',
    column: 'rep_iin',
    group: 'representative',
    category: 'representative',
    required: false,
    display: { kind: 'iin' },
    displayOrder: 17,
    inMergeView: false,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.representative?.iin ?? null,
    fhir: {
      element: 'contact[0].extension[url = representative-iin].valueIdentifier',
      read: (r) => representativeOf(r)?.iin ?? null,
      write: (out, v) => void (representativeContactOf(out).extension = [{ url: PATIENT_FHIR.representativeIin, valueIdentifier: { system: FHIR_SYSTEMS.iin, value: v } }]),
    },
  },
  {
    key: 'representative.basis',
    column: 'rep_basis',
    group: 'representative',
    category: 'representative',
    required: false,
    display: { kind: 'code', codes: 'basis' },
    displayOrder: 18,
    inMergeView: false,
    values: REPRESENTATIVE_BASES,
    search: [],
    anonymize: REMOVE,
    get: (p) => p.representative?.basis ?? null,
    fhir: {
      element: 'contact[0].relationship (ours, and v3 RoleCode)',
      read: (r) => representativeOf(r)?.basis ?? null,
      write: (out, v) => {
        const basis = oneOf(REPRESENTATIVE_BASES, v);
        if (basis) representativeContactOf(out).relationship = [basisConcept(basis)];
      },
    },
  },
  {
    key: 'preferredLanguage',
    column: 'preferred_language',
    group: 'preference',
    category: 'preference',
    required: false,
    display: { kind: 'code', codes: 'language' },
    displayOrder: 15,
    inMergeView: false,
    values: ['kk', 'ru'],
    search: [],
    anonymize: { kind: 'keep', why: 'the language of printed forms identifies nobody' },
    get: (p) => p.preferredLanguage,
    fhir: {
      element: 'communication[0] (BCP 47 kk/ru, preferred)',
      read: (r) => oneOf(['kk', 'ru'], r.communication?.find((c) => c.preferred !== false)?.language.coding?.find((c) => c.system === BCP47)?.code) ?? null,
      write: (out, v) => void (out.communication = [{ language: { coding: [{ system: BCP47, code: v }] }, preferred: true }]),
    },
  },
] as const satisfies readonly PatientFieldDescriptor[];

export type PatientField = (typeof PATIENT_FIELDS)[number];
export type PatientFieldKey = PatientField['key'];
export type PatientFieldColumn = PatientField['column'];

export const PATIENT_FIELD_KEYS: readonly PatientFieldKey[] = PATIENT_FIELDS.map((f) => f.key);

/** The keys in the card's order. */
export const DISPLAY_ORDER: readonly PatientFieldKey[] = [...PATIENT_FIELDS].sort((a, b) => a.displayOrder - b.displayOrder).map((f) => f.key);

const BY_KEY = new Map<string, PatientFieldDescriptor>(PATIENT_FIELDS.map((f) => [f.key, f]));

/** The descriptor of a flat key, or undefined for keys that are not patient fields (status, mergedInto). */
export function patientField(key: string): PatientFieldDescriptor | undefined {
  return BY_KEY.get(key);
}

/** The translation key of a field's label, in the `patient` and `sync` namespaces. */
export function fieldLabelKey(key: string): string {
  return `field.${key}`;
}
