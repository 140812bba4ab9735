import type { PatientFormValues } from '../patients/schema.js';

/**
 * A synthetic adult patient. The IIN is valid by checksum and made up: 880315 + 4 (1900s,
 * female) + serial; never a real person's.
 */
export function samplePatient(over: Partial<PatientFormValues> = {}): PatientFormValues {
  return {
    surname: 'Нұрланова',
    givenName: 'Әйгерім',
    patronymic: 'Серікқызы',
    iin: '880315400010',
    birthDate: '1988-03-15',
    sex: 'female',
    document: { type: 'id-card', number: '045678912', issuedOn: '2019-06-01', issuer: 'МВД РК', expiresOn: '2029-05-31' },
    phone: '8 (701) 234-56-78',
    email: 'aigerim@example.kz',
    address: 'г. Алматы, ул. Жандосова, 12, кв. 5',
    representative: null,
    preferredLanguage: 'kk',
    ...over,
  };
}
