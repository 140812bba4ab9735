import type { TFunction } from 'i18next';
import { formatKzPhone } from '../../../electron/core/identity/phone';
import { fieldLabelKey, patientField } from '../../../electron/core/patients/personal-data/fields';
import type { CodeSet } from '../../../electron/core/patients/personal-data/kinds';
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

/** Where each set of codes is translated on the patient screens. */
const CODE_LABELS: Record<CodeSet, string> = {
  sex: 'patient:sex',
  documentType: 'patient:docType',
  basis: 'patient:basis',
  language: 'common:language.name',
};

/**
 * A value from the patient's flat form (history entries keep `before` values flat, keyed
 * like 'document.number') as the receptionist reads it, as the field's descriptor says:
 * dates dd.MM.yyyy, phones grouped, codes translated.
 */
export function formatFieldValue(t: TFunction, field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return t(`patient:status.${value}`);
  const display = patientField(field)?.display;
  switch (display?.kind) {
    case 'date':
      return formatDate(value);
    case 'phone':
      return formatKzPhone(value);
    case 'code':
      return t(`${CODE_LABELS[display.codes]}.${value}`);
    case 'iin':
    case 'text':
    case undefined:
      return value;
  }
}

/** The label of a flat field key ('document.number' → "Document number"). */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`patient:${fieldLabelKey(field)}`, { defaultValue: field });
}
