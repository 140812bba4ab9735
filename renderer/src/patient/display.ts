import type { TFunction } from 'i18next';
import { formatKzPhone } from '../../../electron/core/identity/phone';
import { ageOn } from '../../../electron/core/patients/schema';
import { formatDate } from '../format';
import { localIso } from './dates';

interface Named {
  surname: string;
  givenName: string;
  patronymic: string | null;
}

/** As on the ID card: surname, given name, patronymic. */
export function fullName(p: Named): string {
  return [p.surname, p.givenName, p.patronymic ?? ''].filter(Boolean).join(' ');
}

export function ageToday(birthDate: string, now: Date = new Date()): number {
  return ageOn(birthDate, localIso(now));
}

export function sexLabel(t: TFunction, sex: string): string {
  return t(`patient:sex.${sex}`);
}

export function formatIin(iin: string | null): string {
  return iin ?? '—';
}

export { formatKzPhone as formatPhone };

const DATE_FIELDS = new Set(['birthDate', 'document.issuedOn', 'document.expiresOn']);

/**
 * A value from the patient's flat form (history entries keep `before` values flat, keyed
 * like 'document.number') as the receptionist reads it: dates dd.MM.yyyy, codes translated.
 */
export function formatFieldValue(t: TFunction, field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (DATE_FIELDS.has(field)) return formatDate(value);
  switch (field) {
    case 'sex':
      return sexLabel(t, value);
    case 'document.type':
      return t(`patient:docType.${value}`);
    case 'representative.basis':
      return t(`patient:basis.${value}`);
    case 'phone':
      return formatKzPhone(value);
    case 'preferredLanguage':
      return t(`common:language.name.${value}`);
    case 'status':
      return t(`patient:status.${value}`);
    default:
      return value;
  }
}

/** The label of a flat field key ('document.number' → "Document number"). */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`patient:field.${field}`, { defaultValue: field });
}
