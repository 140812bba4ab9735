import { flatFromColumns, unflatten, type PatientFieldColumns } from './personal-data/flat.js';
import { SEXES, type PatientInput } from './schema.js';

export type PatientStatus = 'active' | 'merged' | 'blocked';

/** A patient as the core hands it out. */
export interface Patient extends PatientInput {
  id: string;
  status: PatientStatus;
  mergedInto: string | null;
  version: number;
  remoteVersion: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a search result row shows: enough to recognise the person at the desk. */
export interface PatientSummary {
  id: string;
  iin: string | null;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string;
  status: PatientStatus;
}

/**
 * A row of the `patient` table: the columns that hold the fields (named by the descriptor,
 * personal-data/fields.ts) and the record's own columns.
 */
export type PatientRow = PatientFieldColumns & {
  rowid: number;
  id: string;
  phone_digits: string;
  status: PatientStatus;
  merged_into: string | null;
  search_name: string;
  version: number;
  remote_version: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};

export function patientFromRow(r: PatientRow): Patient {
  return {
    ...unflatten(flatFromColumns(r)),
    id: r.id,
    status: r.status,
    mergedInto: r.merged_into,
    version: r.version,
    remoteVersion: r.remote_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The columns a search result needs (the reader's SUMMARY_COLUMNS). */
export type SummaryRow = Pick<PatientRow, 'id' | 'iin' | 'surname' | 'given_name' | 'patronymic' | 'birth_date' | 'sex' | 'phone' | 'status'>;

function stored(v: string | null, column: string): string {
  if (v === null) throw new Error(`patient.${column} is empty`);
  return v;
}

export function summaryFromRow(r: SummaryRow): PatientSummary {
  const sex = SEXES.find((s) => s === r.sex);
  if (!sex) throw new Error('patient.sex has a value outside its set');
  return {
    id: r.id,
    iin: r.iin,
    surname: stored(r.surname, 'surname'),
    givenName: stored(r.given_name, 'given_name'),
    patronymic: r.patronymic,
    birthDate: stored(r.birth_date, 'birth_date'),
    sex,
    phone: stored(r.phone, 'phone'),
    status: r.status,
  };
}

/**
 * The flat, comparable form of a patient's fields (history snapshots, diffs, merges) and
 * the list of fields that differ: both come from the descriptor.
 */
export { changedFields, flatten, type FlatPatient } from './personal-data/flat.js';
