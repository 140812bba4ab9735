import type { IdDocument } from '../../../electron/core/identity/mrz';
import type { PatientPrefill } from '../patient/prefill';

/** 'NURLANOV' → 'Nurlanov', 'ABU-BAKIR' → 'Abu-Bakir': the MRZ is all capitals. */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .trim();
}

/**
 * The registration form's starting values from a scanned document. The names are the MRZ's
 * Latin transliteration: the form says so, because the record keeps the Cyrillic spelling
 * printed on the card. The scanned text itself goes nowhere.
 */
export function prefillFromDocument(d: IdDocument, warnings: readonly string[]): PatientPrefill {
  return {
    ...(d.surname ? { surname: titleCase(d.surname) } : {}),
    ...(d.givenNames ? { givenName: titleCase(d.givenNames) } : {}),
    ...(d.iin ? { iin: d.iin } : {}),
    birthDate: d.birthDate,
    ...(d.sex ? { sex: d.sex } : {}),
    document: { type: d.documentType, number: d.documentNumber, expiresOn: d.expiryDate },
    scan: { warnings: [...warnings] },
  };
}
