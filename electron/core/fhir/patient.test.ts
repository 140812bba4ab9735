import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureResourceSchemas, validationErrors } from '../../../central/fhir/validate.js';
import { patientInputSchema, type PatientFormValues } from '../patients/schema.js';
import { FhirValidator } from './validate.js';
import { samplePatient } from '../testing/patients.js';
import { patientFromFhir, patientToFhir, PATIENT_FHIR, type PatientForFhir } from './patient.js';
import { FHIR_SYSTEMS } from './systems.js';

/** The official R4 definitions, loaded on first use. */
const validator = new FhirValidator();

const today = () => new Date('2026-11-25T09:00:00Z');

function local(over: Partial<PatientFormValues> = {}, extra: Partial<PatientForFhir> = {}): PatientForFhir {
  const input = patientInputSchema(today).parse(samplePatient(over));
  return { ...input, id: '6f1c2f0e-7d3a-4a8e-9a35-2d4b1c0e8f11', status: 'active', mergedInto: null, ...extra };
}

const minor = {
  surname: 'Нұрланов',
  givenName: 'Алихан',
  patronymic: null,
  iin: '150605500011',
  birthDate: '2015-06-05',
  sex: 'male',
  document: { type: 'birth-certificate', number: 'I-АЛ 123456', issuedOn: null, issuer: null, expiresOn: null },
  email: null,
  preferredLanguage: null,
  representative: { fullName: 'Нұрланова Әйгерім Серікқызы', iin: '880315400010', basis: 'birth-certificate' },
} as const satisfies Partial<PatientFormValues>;

const VARIANTS: [string, PatientForFhir][] = [
  ['an adult with every field', local()],
  ['a minor with a representative and no optional fields', local(minor)],
  ['a foreigner with a passport and no IIN', local({ iin: null, document: { type: 'passport', number: 'N7654321', issuedOn: '2020-01-02', issuer: null, expiresOn: null }, phone: '+79161234567', preferredLanguage: 'ru' })],
  ['a record merged into another', local({}, { status: 'merged', mergedInto: '0b5c7a52-1f0e-4d55-8f7e-0c1d2e3f4a5b', iin: null })],
  ['a blocked record', local({ document: { type: 'residence-permit', number: '012345678', issuedOn: null, issuer: 'МВД', expiresOn: '2030-01-01' } }, { status: 'blocked' })],
];

beforeAll(() => {
  ensureResourceSchemas();
});

describe('Patient mapping', () => {
  it.each(VARIANTS)('round-trips %s through FHIR', (_name, p) => {
    const fhir = patientToFhir(p, 'ALA-01');
    const back = patientFromFhir(JSON.parse(JSON.stringify(fhir)));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const { id, status, mergedInto, ...input } = p;
    expect(back).toMatchObject({ id, status, mergedInto });
    expect(back.input).toEqual(input);
  });

  it('writes the IIN, document, names, branch and representative where the README says', () => {
    const fhir = patientToFhir(local(minor), 'ALA-01');
    expect(fhir.identifier).toContainEqual(expect.objectContaining({ system: FHIR_SYSTEMS.iin, value: '150605500011' }));
    expect(fhir.identifier).toContainEqual(
      expect.objectContaining({ system: FHIR_SYSTEMS.idDocument, value: 'I-АЛ 123456', type: { coding: [{ system: PATIENT_FHIR.idDocumentType, code: 'birth-certificate' }, expect.objectContaining({ code: 'BCT' })] } }),
    );
    expect(fhir.name?.[0]).toMatchObject({ family: 'Нұрланов', given: ['Алихан'] });
    expect(fhir.meta?.tag).toEqual([{ system: FHIR_SYSTEMS.branch, code: 'ALA-01' }]);
    expect(fhir.contact?.[0]?.extension?.[0]).toEqual({ url: PATIENT_FHIR.representativeIin, valueIdentifier: { system: FHIR_SYSTEMS.iin, value: '880315400010' } });
    const adult = patientToFhir(local(), 'ALA-01');
    expect(adult.name?.[0]?.given).toEqual(['Әйгерім', 'Серікқызы']);
    expect(adult.communication).toEqual([{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'kk' }] }, preferred: true }]);
  });

  it('refuses a central record that lacks what the desk requires, naming fields but no values', () => {
    const fhir = patientToFhir(local(), 'ALA-01');
    const r = patientFromFhir({ ...fhir, telecom: [], address: undefined });
    expect(r).toEqual({ ok: false, missing: ['phone', 'address'] });
    expect(patientFromFhir({ resourceType: 'Patient', id: 'x', birthDate: '01.02.1990' }).ok).toBe(false);
  });
});

// In this order: the central server's compact definitions first, then the full R4 ones
// replace them in @medplum/core's registry.
describe('Patient mapping against the central server', () => {
  it.each(VARIANTS)('the central server accepts %s', (_name, p) => {
    expect(validationErrors('Patient', patientToFhir(p, 'ALA-01') as unknown as Record<string, unknown>)).toEqual([]);
  });
});

describe('Patient mapping against the full R4 definitions', () => {

  it.each(VARIANTS)('%s is valid R4 by @medplum/core validateResource', (_name, p) => {
    expect(validator.errors(patientToFhir(p, 'ALA-01'))).toEqual([]);
  });

  it('and the validator does catch a broken Patient (so the checks above mean something)', () => {
    const broken = { ...patientToFhir(local(), 'ALA-01'), birthDate: '15.03.1988', nickname: 'x' } as unknown as FhirPatient;
    expect(validator.errors(broken).map((i) => i.expression?.[0])).toEqual(expect.arrayContaining(['Patient.birthDate', 'Patient.nickname']));
  });
});
