import { foldForSearch, phoneSearchDigits } from '../fold.js';
import { ID_DOCUMENT_TYPES, REPRESENTATIVE_BASES, SEXES, type PatientInput } from '../schema.js';
import { oneOf } from './fhir-elements.js';
import { PATIENT_FIELDS, type PatientField, type PatientFieldColumn, type PatientFieldKey } from './fields.js';

/**
 * A patient's fields as one flat record keyed by the descriptor's keys ('document.number'),
 * and the conversions every other representation goes through: the `patient` table's
 * columns, history snapshots, diffs, FHIR, the conflict and merge views.
 */
export type FlatPatient = Record<PatientFieldKey, string | null>;

/** The `patient` table's columns that hold a field, as the descriptor names them. */
export type PatientFieldColumns = Record<PatientFieldColumn, string | null>;

export function flatten(p: PatientInput): FlatPatient {
  return Object.fromEntries(PATIENT_FIELDS.map((f: PatientField) => [f.key, f.get(p)])) as FlatPatient;
}

export function changedFields(before: PatientInput, after: PatientInput): PatientFieldKey[] {
  const a = flatten(before);
  const b = flatten(after);
  return PATIENT_FIELDS.map((f) => f.key).filter((k) => a[k] !== b[k]);
}

export function sameFields(a: PatientInput, b: PatientInput): boolean {
  return changedFields(a, b).length === 0;
}

/**
 * The nested shape of a patient from flat values, as they are (nothing checked): the
 * representative is null only when all of its fields are empty, so a half-filled one reaches
 * the schema, which says what is missing. For values still to be validated.
 */
export function nest(f: Readonly<Record<string, string | null | undefined>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key } of PATIENT_FIELDS) {
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (tail === undefined) out[head] = f[key] ?? null;
    else ((out[head] ??= {}) as Record<string, unknown>)[tail] = f[key] ?? null;
  }
  const rep = out.representative as Record<string, unknown>;
  if (Object.values(rep).every((v) => v === null || v === '')) out.representative = null;
  return out;
}

/** A stored value the store's CHECK constraints (or the FHIR reader) already vouched for. */
function need(f: FlatPatient, key: PatientFieldKey): string {
  const v = f[key];
  if (v === null) throw new Error(`patient field ${key} is empty`);
  return v;
}

function code<T extends string>(f: FlatPatient, key: PatientFieldKey, allowed: readonly T[]): T {
  const v = oneOf(allowed, f[key]);
  if (v === undefined) throw new Error(`patient field ${key} has a value outside its set`);
  return v;
}

/**
 * The patient from flat values already known to be valid (a stored row, a FHIR resource
 * whose required fields were checked, two valid patients mixed). The inverse of `flatten`;
 * personal-data.test.ts round-trips every field through both.
 */
export function unflatten(f: FlatPatient): PatientInput {
  // All three or none: the store and the FHIR reader never hold a partial representative.
  const rep = Boolean(f['representative.fullName'] && f['representative.iin'] && f['representative.basis']);
  const lang = f.preferredLanguage;
  return {
    iin: f.iin,
    surname: need(f, 'surname'),
    givenName: need(f, 'givenName'),
    patronymic: f.patronymic,
    birthDate: need(f, 'birthDate'),
    sex: code(f, 'sex', SEXES),
    document: {
      type: code(f, 'document.type', ID_DOCUMENT_TYPES),
      number: need(f, 'document.number'),
      issuedOn: f['document.issuedOn'],
      issuer: f['document.issuer'],
      expiresOn: f['document.expiresOn'],
    },
    phone: need(f, 'phone'),
    email: f.email,
    address: need(f, 'address'),
    representative: rep
      ? { fullName: need(f, 'representative.fullName'), iin: need(f, 'representative.iin'), basis: code(f, 'representative.basis', REPRESENTATIVE_BASES) }
      : null,
    preferredLanguage: lang === null ? null : code(f, 'preferredLanguage', ['kk', 'ru'] as const),
  };
}

/** The name search key: the fields searched by name, folded (see fold.ts). */
export function searchName(p: PatientInput): string {
  return foldForSearch(
    PATIENT_FIELDS.filter((f) => (f.search as readonly string[]).includes('name'))
      .map((f) => f.get(p) ?? '')
      .join(' '),
  );
}

/** The columns that hold the fields, and the search keys derived from them. */
export function patientColumns(p: PatientInput): PatientFieldColumns & { phone_digits: string; search_name: string } {
  const cols = Object.fromEntries(PATIENT_FIELDS.map((f: PatientField) => [f.column, f.get(p)])) as PatientFieldColumns;
  return { ...cols, phone_digits: phoneSearchDigits(p.phone), search_name: searchName(p) };
}

export function flatFromColumns(row: PatientFieldColumns): FlatPatient {
  return Object.fromEntries(PATIENT_FIELDS.map((f: PatientField) => [f.key, row[f.column]])) as FlatPatient;
}
