import { describe, expect, it } from 'vitest';
import { samplePatient } from '../testing/patients.js';
import { nameProblem, patientInputSchema } from './schema.js';

const today = () => new Date('2026-11-25T10:00:00+05:00');
const schema = patientInputSchema(today);

function codes(input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('patient schema', () => {
  it('accepts a complete patient and normalizes the phone to E.164', () => {
    const r = schema.parse(samplePatient());
    expect(r.phone).toBe('+77012345678');
    expect(r.patronymic).toBe('Серікқызы');
  });

  it.each([
    ['surname', { surname: '' }, 'validation.required'],
    ['surname', { surname: 'Иванов2' }, 'name.characters'],
    ['givenName', { givenName: 'Aйгерим' }, 'name.mixedScript'],
    ['iin', { iin: '88031540001' }, 'iin.format'],
    ['iin', { iin: '880315400011' }, 'iin.checksum'],
    ['iin', { iin: '881315400016' }, 'iin.date'],
    ['birthDate', { birthDate: '1988-03-16' }, 'iin.birthDateMismatch'],
    ['sex', { sex: 'male' }, 'iin.sexMismatch'],
    ['birthDate', { birthDate: '1988-02-30', iin: null, document: { ...samplePatient().document, type: 'passport' } }, 'validation.date'],
    ['phone', { phone: '+7 912 345 67 89' }, 'phone.notKz'],
    ['phone', { phone: '12345' }, 'phone.format'],
    ['email', { email: 'not-an-email' }, 'validation.email'],
    ['address', { address: '  ' }, 'validation.required'],
    ['document.number', { document: { ...samplePatient().document, number: '№ 12/3' } }, 'document.numberFormat'],
    ['document.issuedOn', { document: { ...samplePatient().document, issuedOn: '2027-01-01' } }, 'validation.dateInFuture'],
    ['iin', { iin: null }, 'validation.required'],
  ])('rejects a bad %s with a translatable code', (path, over, code) => {
    expect(codes(samplePatient(over as never))[path]).toBe(code);
  });

  it('accepts a foreigner with a passport and no IIN', () => {
    const r = schema.safeParse(samplePatient({ iin: null, surname: 'Smith', givenName: 'John', patronymic: '', sex: 'male', birthDate: '1980-01-02', document: { type: 'passport', number: 'N1234567', issuedOn: null, issuer: null, expiresOn: null } }));
    expect(r.success).toBe(true);
  });

  it('requires a legal representative for a minor, who must be an adult other than the patient', () => {
    const minor = samplePatient({ iin: '150120500015', birthDate: '2015-01-20', sex: 'male', givenName: 'Айдар', document: { type: 'birth-certificate', number: 'I-АЛ 123456', issuedOn: null, issuer: null, expiresOn: null } });
    expect(codes(minor)['representative']).toBe('representative.requiredForMinor');
    expect(schema.safeParse({ ...minor, representative: { fullName: 'Нұрланова Әйгерім', iin: '880315400010', basis: 'birth-certificate' } }).success).toBe(true);
    expect(codes({ ...minor, representative: { fullName: 'X', iin: '150120500025', basis: 'birth-certificate' } })['representative.iin']).toBe('representative.minor');
  });

  it('knows Cyrillic with every Kazakh letter, and Latin, and refuses mixtures', () => {
    expect(nameProblem('Әбілқайыр-Ұлықбек Іңкәр Өмірзақ Ғани Һәким Үмбетова')).toBeNull();
    expect(nameProblem("O'Neil")).toBeNull();
    expect(nameProblem('Ивaнов')).toBe('name.mixedScript');
  });
});
