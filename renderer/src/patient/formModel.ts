import { z } from 'zod';
import type { Patient } from '../../../electron/core/patients/patient-row';
import { checkIin } from '../../../electron/core/identity/iin';
import { formatKzPhone } from '../../../electron/core/identity/phone';
import {
  ADULT_AGE,
  ageOn,
  ID_DOCUMENT_TYPES,
  patientInputSchema,
  REPRESENTATIVE_BASES,
  type IdDocumentType,
  type PatientFormValues,
  type RepresentativeBasis,
} from '../../../electron/core/patients/schema';
import { formatDate } from '../format';
import { isoFromDisplay, localIso } from './dates';
import type { PatientPrefill } from './prefill';

/**
 * What the registration form holds while she types: every value a string as typed, dates as
 * dd.MM.yyyy, the representative block always present (shown or not). `toInput` turns it
 * into the shared schema's input, so the client and the core check exactly the same thing
 * and the issue paths (birthDate, document.issuedOn, representative.iin…) name form fields.
 */
export interface PatientFormState {
  surname: string;
  givenName: string;
  patronymic: string;
  iin: string;
  birthDate: string;
  sex: '' | 'male' | 'female';
  document: { type: IdDocumentType; number: string; issuedOn: string; issuer: string; expiresOn: string };
  phone: string;
  email: string;
  address: string;
  preferredLanguage: '' | 'kk' | 'ru';
  represented: boolean;
  representative: { fullName: string; iin: string; basis: '' | RepresentativeBasis };
}

export function emptyForm(): PatientFormState {
  return {
    surname: '',
    givenName: '',
    patronymic: '',
    iin: '',
    birthDate: '',
    sex: '',
    document: { type: 'id-card', number: '', issuedOn: '', issuer: '', expiresOn: '' },
    phone: '',
    email: '',
    address: '',
    preferredLanguage: '',
    represented: false,
    representative: { fullName: '', iin: '', basis: '' },
  };
}

/** Date of birth and sex as the IIN states them, or null while the IIN is not a valid one. */
export function derivedFromIin(iin: string, now: Date): { birthDate: string; sex: 'male' | 'female' } | null {
  const r = checkIin(iin, now);
  return r.ok ? { birthDate: formatDate(r.birthDate), sex: r.sex } : null;
}

/** The birth date the form currently implies (the IIN's if valid), as ISO, or null. */
export function birthIso(s: Pick<PatientFormState, 'iin' | 'birthDate'>, now: Date): string | null {
  const r = checkIin(s.iin, now);
  return r.ok ? r.birthDate : isoFromDisplay(s.birthDate);
}

export function isMinor(s: Pick<PatientFormState, 'iin' | 'birthDate'>, now: Date): boolean {
  const b = birthIso(s, now);
  return b !== null && ageOn(b, localIso(now)) < ADULT_AGE;
}

/** The representative block is asked for when ticked, and always for a minor (policy: a parent signs). */
export function needsRepresentative(s: PatientFormState, now: Date): boolean {
  return s.represented || isMinor(s, now);
}

/** A typed date as the schema wants it: ISO when it is a real date, else as typed so the schema names the problem. */
function dateInput(text: string): string {
  return isoFromDisplay(text) ?? text.trim();
}

function optionalDate(text: string): string | null {
  return text.trim() === '' ? null : dateInput(text);
}

export function toInput(s: PatientFormState, now: Date): PatientFormValues {
  return {
    surname: s.surname,
    givenName: s.givenName,
    patronymic: s.patronymic,
    iin: s.iin.replace(/\s+/g, ''),
    birthDate: dateInput(s.birthDate),
    // '' is not a sex: the enum refuses it with "validation.required", which is the message we want.
    sex: s.sex as 'male' | 'female',
    document: {
      type: s.document.type,
      number: s.document.number,
      issuedOn: optionalDate(s.document.issuedOn),
      issuer: s.document.issuer,
      expiresOn: optionalDate(s.document.expiresOn),
    },
    phone: s.phone,
    email: s.email,
    address: s.address,
    representative: needsRepresentative(s, now)
      ? { fullName: s.representative.fullName, iin: s.representative.iin.replace(/\s+/g, ''), basis: s.representative.basis as RepresentativeBasis }
      : null,
    preferredLanguage: s.preferredLanguage === '' ? null : s.preferredLanguage,
  };
}

/** The form's schema: the shared patient schema behind the conversion from what was typed. */
export function patientFormSchema(now: () => Date = () => new Date()) {
  return z
    .custom<PatientFormState>((v) => typeof v === 'object' && v !== null)
    .transform((s) => toInput(s, now()))
    .pipe(patientInputSchema(now));
}

export function fromPatient(p: Patient): PatientFormState {
  return {
    surname: p.surname,
    givenName: p.givenName,
    patronymic: p.patronymic ?? '',
    iin: p.iin ?? '',
    birthDate: formatDate(p.birthDate),
    sex: p.sex,
    document: {
      type: p.document.type,
      number: p.document.number,
      issuedOn: p.document.issuedOn ? formatDate(p.document.issuedOn) : '',
      issuer: p.document.issuer ?? '',
      expiresOn: p.document.expiresOn ? formatDate(p.document.expiresOn) : '',
    },
    // Shown the way she would read it back to the patient; the core stores E.164 either way.
    phone: formatKzPhone(p.phone),
    email: p.email ?? '',
    address: p.address,
    preferredLanguage: p.preferredLanguage ?? '',
    represented: p.representative !== null,
    representative: p.representative ? { ...p.representative } : { fullName: '', iin: '', basis: '' },
  };
}

/** Puts what the desk already knows (typed search, scanned document) over a form state. */
export function applyPrefill(base: PatientFormState, p: PatientPrefill): PatientFormState {
  return {
    ...base,
    surname: p.surname ?? base.surname,
    givenName: p.givenName ?? base.givenName,
    patronymic: p.patronymic ?? base.patronymic,
    iin: p.iin ?? base.iin,
    birthDate: p.birthDate ? formatDate(p.birthDate) : base.birthDate,
    sex: p.sex ?? base.sex,
    phone: p.phone ?? base.phone,
    document: p.document
      ? { ...base.document, type: p.document.type, number: p.document.number, expiresOn: p.document.expiresOn ? formatDate(p.document.expiresOn) : base.document.expiresOn }
      : base.document,
  };
}

/**
 * Reads a stored draft back, field by field: a draft written by an older version of the form
 * (or damaged) must not put a wrong type into a field, so anything unexpected falls back.
 */
export function formFromDraft(payload: unknown): PatientFormState | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const base = emptyForm();
  const src = payload as Record<string, unknown>;
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  const doc = obj(src.document);
  const rep = obj(src.representative);
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], d: T): T => (allowed.includes(v as T) ? (v as T) : d);
  return {
    surname: str(src.surname, ''),
    givenName: str(src.givenName, ''),
    patronymic: str(src.patronymic, ''),
    iin: str(src.iin, ''),
    birthDate: str(src.birthDate, ''),
    sex: oneOf(src.sex, ['', 'male', 'female'] as const, ''),
    document: {
      type: oneOf(doc.type, ID_DOCUMENT_TYPES, base.document.type),
      number: str(doc.number, ''),
      issuedOn: str(doc.issuedOn, ''),
      issuer: str(doc.issuer, ''),
      expiresOn: str(doc.expiresOn, ''),
    },
    phone: str(src.phone, ''),
    email: str(src.email, ''),
    address: str(src.address, ''),
    preferredLanguage: oneOf(src.preferredLanguage, ['', 'kk', 'ru'] as const, ''),
    represented: src.represented === true,
    representative: {
      fullName: str(rep.fullName, ''),
      iin: str(rep.iin, ''),
      basis: oneOf(rep.basis, ['', ...REPRESENTATIVE_BASES] as const, ''),
    },
  };
}
