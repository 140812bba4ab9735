import type { IdDocumentType } from '../../../electron/core/patients/schema';

/**
 * What the desk hands the registration form: what she typed into the search, or the fields
 * of a scanned document. Never the scanned text itself (the MRZ is not kept anywhere).
 */
export interface PatientPrefill {
  surname?: string;
  givenName?: string;
  patronymic?: string;
  iin?: string;
  /** ISO. */
  birthDate?: string;
  sex?: 'male' | 'female';
  phone?: string;
  document?: { type: IdDocumentType; number: string; expiresOn?: string };
  /** Set when the values come from a scanned document: the form says so and lists the cross-check warnings. */
  scan?: { warnings: string[] };
}

/** Capitalizes each word's first letter: people type lower case into a search field. */
function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase('ru') + word.slice(1);
}

/**
 * "New patient" from an unanswered search: digits go to the IIN (or to the phone when it is
 * clearly a phone number: a '+', or 11 digits with the 8/7 trunk prefix), letters to the
 * surname, given name and patronymic in that order.
 */
export function prefillFromQuery(query: string): PatientPrefill {
  const text = query.trim();
  if (text === '') return {};
  const compact = text.replace(/[\s()+.-]/g, '');
  if (/^\d+$/.test(compact)) {
    const phoneLike = text.startsWith('+') || (compact.length === 11 && /^[78]/.test(compact));
    return phoneLike ? { phone: text } : { iin: compact.slice(0, 12) };
  }
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).map(capitalize);
  const [surname, givenName, ...rest] = words;
  return {
    ...(surname ? { surname } : {}),
    ...(givenName ? { givenName } : {}),
    ...(rest.length ? { patronymic: rest.join(' ') } : {}),
  };
}
