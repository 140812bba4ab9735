import { describe, expect, it } from 'vitest';
import { makeIin } from '../../../electron/core/identity/iin';
import type { Path } from 'react-hook-form';
import type { Patient } from '../../../electron/core/patients/patient-row';
import { PATIENT_FIELD_KEYS } from '../../../electron/core/patients/personal-data/fields';
import { applyPrefill, emptyForm, formFromDraft, fromPatient, needsRepresentative, patientFormSchema, toInput, type PatientFormState } from './formModel';
import { withoutMrzText } from './useDraft';

const NOW = new Date(2026, 0, 15, 12, 0, 0);
const ADULT_IIN = makeIin('1990-03-15', 'male', 100) ?? '';
const CHILD_IIN = makeIin('2015-06-01', 'female', 100) ?? '';

function adult(over: Partial<PatientFormState> = {}): PatientFormState {
  return {
    ...emptyForm(),
    surname: 'Жаксылыков',
    givenName: 'Ерлан',
    iin: ADULT_IIN,
    birthDate: '15.03.1990',
    sex: 'male',
    document: { type: 'id-card', number: '045612378', issuedOn: '15.03.2020', issuer: 'МВД РК', expiresOn: '' },
    phone: '8 701 555 01 01',
    address: 'г. Алматы, ул. Абая, 1',
    ...over,
  };
}

/** Paths and message keys of what the form's schema refuses: the first per field, as the form shows. */
function problems(s: PatientFormState): Record<string, string> {
  const r = patientFormSchema(() => NOW).safeParse(s);
  const out: Record<string, string> = {};
  for (const i of r.success ? [] : r.error.issues) out[i.path.join('.')] ??= i.message;
  return out;
}

describe('the registration form model', () => {
  it('turns typed dd.MM.yyyy dates into ISO and empty optional fields into null', () => {
    const input = toInput(adult(), NOW);
    expect(input.birthDate).toBe('1990-03-15');
    expect(input.document.issuedOn).toBe('2020-03-15');
    expect(input.document.expiresOn).toBeNull();
    expect(input.representative).toBeNull();
    expect(input.preferredLanguage).toBeNull();
  });

  it('accepts a complete adult and gives the core what it stores (E.164 phone)', () => {
    const r = patientFormSchema(() => NOW).safeParse(adult());
    expect(r.success).toBe(true);
    expect(r.data?.phone).toBe('+77015550101');
  });

  it('names problems by the form field they belong to, with the shared message keys', () => {
    expect(problems(adult({ birthDate: '31.02.1990', document: { ...adult().document, issuedOn: '15.13.2020' } }))).toMatchObject({
      birthDate: 'validation.date',
      'document.issuedOn': 'validation.date',
    });
    expect(problems(adult({ sex: '' }))).toMatchObject({ sex: 'validation.required' });
    expect(problems(adult({ surname: 'Aйгерим' }))).toMatchObject({ surname: 'name.mixedScript' });
    expect(problems(adult({ phone: '12345' }))).toMatchObject({ phone: 'phone.format' });
  });

  it('asks a minor for the representative block, field by field', () => {
    const child = adult({ iin: CHILD_IIN, birthDate: '01.06.2015', sex: 'female' });
    expect(needsRepresentative(child, NOW)).toBe(true);
    expect(problems(child)).toMatchObject({ 'representative.fullName': 'validation.required', 'representative.basis': 'validation.required' });
    const represented = { ...child, representative: { fullName: 'Жаксылыков Ерлан', iin: ADULT_IIN, basis: 'birth-certificate' as const } };
    expect(problems(represented)).toEqual({});
  });

  it('an adult is represented only when ticked', () => {
    expect(needsRepresentative(adult(), NOW)).toBe(false);
    expect(needsRepresentative(adult({ represented: true }), NOW)).toBe(true);
  });

  it('prefills from the desk over an empty form', () => {
    const s = applyPrefill(emptyForm(), { iin: ADULT_IIN, birthDate: '1990-03-15', document: { type: 'passport', number: 'N1', expiresOn: '2030-01-01' } });
    expect(s).toMatchObject({ iin: ADULT_IIN, birthDate: '15.03.1990', document: { type: 'passport', number: 'N1', expiresOn: '01.01.2030', issuer: '' } });
  });

  it('round-trips a stored patient, and reads drafts defensively', () => {
    const p = patientFormSchema(() => NOW).parse(adult());
    const patient: Patient = { ...p, id: 'x', status: 'active', mergedInto: null, version: 1, remoteVersion: null, createdAt: '', updatedAt: '' };
    const back = fromPatient(patient);
    expect(back.birthDate).toBe('15.03.1990');
    expect(back.phone).toBe('+7 (701) 555-01-01');
    expect(formFromDraft(back)).toEqual(back);
    expect(formFromDraft({ sex: 'x', document: { type: 'nope' }, represented: 'yes' })).toMatchObject({ sex: '', document: { type: 'id-card' }, represented: false });
    expect(formFromDraft(null)).toBeNull();
  });

  it('never keeps MRZ-looking text in a draft', () => {
    const s = withoutMrzText(adult({ surname: 'IDKAZ0456123785900101300811<<<', address: 'г. Алматы' }));
    expect(s.surname).toBe('');
    expect(s.address).toBe('г. Алматы');
    expect(s.document.number).toBe('045612378');
  });

  it('holds every field the personal-data descriptor knows, under the same path, and fills each from a stored patient', () => {
    // Compile-time half: every descriptor key is a path of the form state.
    const paths: readonly Path<PatientFormState>[] = PATIENT_FIELD_KEYS;
    const rep = { fullName: 'Жаксылыкова Айгуль', iin: makeIin('1965-02-01', 'female', 100) ?? '', basis: 'power-of-attorney' as const };
    const full = adult({ patronymic: 'Серикович', email: 'e@example.kz', preferredLanguage: 'kk', represented: true, representative: rep, document: { type: 'id-card', number: '045612378', issuedOn: '15.03.2020', issuer: 'МВД РК', expiresOn: '14.03.2030' } });
    const p = patientFormSchema(() => NOW).parse(full);
    const back = fromPatient({ ...p, id: 'x', status: 'active', mergedInto: null, version: 1, remoteVersion: null, createdAt: '', updatedAt: '' });
    const valueAt = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], back);
    expect(paths.filter((k) => typeof valueAt(k) !== 'string' || valueAt(k) === '')).toEqual([]);
  });
});
