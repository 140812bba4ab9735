import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../electron/core/patients/patient-reader';
import type { Patient } from '../../../../electron/core/patients/patient-row';
import { flattenPatient, historyItems } from './historyDiff';

const patient: Patient = {
  id: 'p1',
  iin: null,
  surname: 'Серікбаев',
  givenName: 'Дәулет',
  patronymic: null,
  birthDate: '1979-09-21',
  sex: 'male',
  document: { type: 'passport', number: 'N1', issuedOn: null, issuer: null, expiresOn: null },
  phone: '+77479990011',
  email: null,
  address: 'Астана',
  representative: null,
  preferredLanguage: null,
  status: 'active',
  mergedInto: null,
  version: 3,
  remoteVersion: null,
  createdAt: '',
  updatedAt: '',
};

const entry = (version: number, kind: HistoryEntry['kind'], fields: string[], before: Record<string, string | null> | null): HistoryEntry => ({
  version,
  kind,
  changedAt: '2026-01-15T10:00:00Z',
  changedBy: 's',
  changedByName: 'Айгерім',
  reason: null,
  fields,
  before,
});

describe('history before → after', () => {
  it('takes "after" from the next newer entry, and from the record itself for the latest', () => {
    const now = flattenPatient(patient);
    const v2 = { ...now, phone: '+77071112233', address: 'Алматы' };
    const v1 = { ...v2, phone: '+77000000000' };
    const items = historyItems([entry(3, 'update', ['phone', 'address'], v2), entry(2, 'update', ['phone'], v1), entry(1, 'create', Object.keys(now), null)], patient);
    expect(items[0]?.changes).toEqual([
      { field: 'phone', before: '+77071112233', after: '+77479990011' },
      { field: 'address', before: 'Алматы', after: 'Астана' },
    ]);
    expect(items[1]?.changes).toEqual([{ field: 'phone', before: '+77000000000', after: '+77071112233' }]);
    expect(items[2]?.changes).toEqual([]);
  });
});
