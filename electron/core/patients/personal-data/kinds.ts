/**
 * The vocabulary of the personal-data descriptor (fields.ts, storage.ts): what category of
 * the policy a stored value belongs to, how it is shown, searched and anonymized.
 * Isomorphic: the renderer imports it too.
 */

/**
 * Categories of personal data. The first four are named by policy 2.8 ("фамилия, имя,
 * отчество; ИИН; контактные данные; данные документов, удостоверяющих личность"); the
 * others are ours, each saying why the value is personal data anyway.
 */
export const PERSONAL_DATA_CATEGORIES = {
  'full-name': { policy: '2.8', note: 'фамилия, имя, отчество' },
  iin: { policy: '2.8', note: 'ИИН' },
  contact: { policy: '2.8', note: 'контактные данные: phone, e-mail, residential address' },
  'identity-document': { policy: '2.8', note: 'данные документов, удостоверяющих личность' },
  /** Policy 2.8 lists "представители" among the subjects: their name and IIN are theirs. */
  representative: { policy: '2.8', note: "a legal representative's name, IIN and grounds" },
  /** Encoded in the IIN; on their own they narrow a person down, with a name they identify. */
  demographics: { policy: null, note: 'date of birth and sex' },
  preference: { policy: null, note: 'language of printed forms: linked to a person, not identifying' },
  /** A drawn signature and the signed PDF identify the signer as surely as a name. */
  signature: { policy: null, note: 'a drawn signature or a signed document' },
  /** Reasons and notes staff type: they may name the person or their circumstances. */
  'free-text': { policy: null, note: 'text typed by staff about a patient' },
  /** Policy 2.8 lists "работники Товарищества" among the subjects. */
  staff: { policy: '2.8', note: "an employee's name and login" },
} as const;
export type PersonalDataCategory = keyof typeof PERSONAL_DATA_CATEGORIES;

/**
 * What anonymization does to a value:
 * - `remove`: the value becomes NULL (only for columns that allow it; a test checks);
 * - `replace`: a NOT NULL column gets a value that identifies nobody: `placeholder` (a fixed
 *   marker), `birth-year` (the 1st of January of the same year: age bands stay usable for
 *   laboratory reference ranges), `empty` (an empty JSON object or list);
 * - `recompute`: a value derived from other fields (search keys) is rebuilt from their
 *   anonymized values;
 * - `delete-row`: the whole row goes (drafts: nothing in them must outlive the person);
 * - `keep`: stays, with the reason (not identifying, or a law requires it).
 */
export type Anonymization =
  | { kind: 'remove' }
  | { kind: 'replace'; with: 'placeholder' | 'birth-year' | 'empty' }
  | { kind: 'recompute' }
  | { kind: 'delete-row' }
  | { kind: 'keep'; why: string };

/** Sets of coded values, each with its own translations (patient:sex.*, sync:value.sex.* …). */
export type CodeSet = 'sex' | 'documentType' | 'basis' | 'language';

/** How a value is shown at the desk. */
export type DisplayKind = { kind: 'text' } | { kind: 'date' } | { kind: 'iin' } | { kind: 'phone' } | { kind: 'code'; codes: CodeSet };

/**
 * How a field is searched or indexed:
 * - `name`: folded into `patient.search_name` and the `patient_name_fts` index;
 * - `iin-prefix`, `phone-prefix`: prefix search as digits are typed (unique / plain index);
 * - `duplicates`: compared by the duplicate check before saving.
 */
export type SearchUse = 'name' | 'iin-prefix' | 'phone-prefix' | 'duplicates';

/** The form's sections; the representative's fields are all set or all empty. */
export type FieldGroup = 'person' | 'document' | 'contact' | 'representative' | 'preference';
