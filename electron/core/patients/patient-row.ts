import type { IdDocumentType, PatientInput, RepresentativeBasis } from './schema.js';

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

export interface PatientRow {
  rowid: number;
  id: string;
  iin: string | null;
  surname: string;
  given_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: 'male' | 'female';
  doc_type: IdDocumentType;
  doc_number: string;
  doc_issued_on: string | null;
  doc_issuer: string | null;
  doc_expires_on: string | null;
  phone: string;
  phone_digits: string;
  email: string | null;
  address: string;
  rep_full_name: string | null;
  rep_iin: string | null;
  rep_basis: RepresentativeBasis | null;
  preferred_language: 'kk' | 'ru' | null;
  status: PatientStatus;
  merged_into: string | null;
  search_name: string;
  version: number;
  remote_version: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export function patientFromRow(r: PatientRow): Patient {
  return {
    id: r.id,
    iin: r.iin,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex,
    document: { type: r.doc_type, number: r.doc_number, issuedOn: r.doc_issued_on, issuer: r.doc_issuer, expiresOn: r.doc_expires_on },
    phone: r.phone,
    email: r.email,
    address: r.address,
    representative: r.rep_full_name && r.rep_iin && r.rep_basis ? { fullName: r.rep_full_name, iin: r.rep_iin, basis: r.rep_basis } : null,
    preferredLanguage: r.preferred_language,
    status: r.status,
    mergedInto: r.merged_into,
    version: r.version,
    remoteVersion: r.remote_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function summaryFromRow(r: Pick<PatientRow, 'id' | 'iin' | 'surname' | 'given_name' | 'patronymic' | 'birth_date' | 'sex' | 'phone' | 'status'>): PatientSummary {
  return {
    id: r.id,
    iin: r.iin,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex,
    phone: r.phone,
    status: r.status,
  };
}

/** The flat, comparable form of a patient's editable fields, for history and diffs. */
export function flatten(p: PatientInput): Record<string, string | null> {
  return {
    iin: p.iin,
    surname: p.surname,
    givenName: p.givenName,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    sex: p.sex,
    'document.type': p.document.type,
    'document.number': p.document.number,
    'document.issuedOn': p.document.issuedOn,
    'document.issuer': p.document.issuer,
    'document.expiresOn': p.document.expiresOn,
    phone: p.phone,
    email: p.email,
    address: p.address,
    'representative.fullName': p.representative?.fullName ?? null,
    'representative.iin': p.representative?.iin ?? null,
    'representative.basis': p.representative?.basis ?? null,
    preferredLanguage: p.preferredLanguage,
  };
}

export function changedFields(before: PatientInput, after: PatientInput): string[] {
  const a = flatten(before);
  const b = flatten(after);
  return Object.keys(b).filter((k) => a[k] !== b[k]);
}
