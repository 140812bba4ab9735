import { PATIENT_FIELDS } from './fields.js';
import type { Anonymization, PersonalDataCategory } from './kinds.js';

/**
 * Every column of the store that holds personal data, in every table: the patient's own
 * fields (from fields.ts), the search keys derived from them, and the copies and snapshots
 * other features keep (history, drafts, consents, conflicts, staff). Blocking, anonymization,
 * destruction and retention work from this list; personal-data.test.ts reads the schema of a
 * migrated store and fails when a column is neither here nor in its list of columns that
 * hold no personal data. A feature that adds such a column adds it here.
 */
export interface StoredPersonalData {
  readonly table: string;
  readonly column: string;
  readonly categories: readonly PersonalDataCategory[];
  /** What the column holds, in a few words. */
  readonly holds: string;
  readonly anonymize: Anonymization;
}

/** Every category a full patient snapshot (history, draft, FHIR copy) may contain. */
const SNAPSHOT_CATEGORIES: readonly PersonalDataCategory[] = [...new Set(PATIENT_FIELDS.map((f) => f.category))];

const REMOVE = { kind: 'remove' } as const;
const RECOMPUTE = { kind: 'recompute' } as const;

export const PERSONAL_DATA_STORAGE: readonly StoredPersonalData[] = [
  ...PATIENT_FIELDS.map((f) => ({ table: 'patient', column: f.column, categories: [f.category], holds: `the patient's ${f.key}`, anonymize: f.anonymize })),
  { table: 'patient', column: 'phone_digits', categories: ['contact'], holds: 'the phone as national digits, for prefix search', anonymize: RECOMPUTE },
  { table: 'patient', column: 'search_name', categories: ['full-name'], holds: 'the folded full name, for prefix search', anonymize: RECOMPUTE },
  { table: 'patient_name_fts', column: 'name', categories: ['full-name'], holds: 'the folded full name, full-text indexed', anonymize: RECOMPUTE },
  // FTS5 keeps its index in shadow tables: the terms are the name's words. Deleting a row of
  // the index (contentless_delete) removes them; secure_delete clears the freed pages.
  { table: 'patient_name_fts_data', column: 'block', categories: ['full-name'], holds: 'FTS5 index pages of patient_name_fts', anonymize: RECOMPUTE },
  { table: 'patient_name_fts_idx', column: 'term', categories: ['full-name'], holds: 'FTS5 index terms of patient_name_fts', anonymize: RECOMPUTE },
  { table: 'patient_history', column: 'before', categories: SNAPSHOT_CATEGORIES, holds: 'the flat field values before each change', anonymize: REMOVE },
  { table: 'patient_history', column: 'reason', categories: ['free-text'], holds: 'why the record changed, as typed or as a code', anonymize: REMOVE },
  { table: 'duplicate_override', column: 'reason', categories: ['free-text'], holds: 'why a similar patient is a different person', anonymize: { kind: 'replace', with: 'placeholder' } },
  { table: 'draft', column: 'payload', categories: SNAPSHOT_CATEGORIES, holds: 'a half-filled form (patient, consent, request)', anonymize: { kind: 'delete-row' } },
  { table: 'consent', column: 'fill', categories: ['full-name', 'iin', 'staff'], holds: "the values frozen into the printed form: subject's name and IIN, employee", anonymize: { kind: 'replace', with: 'empty' } },
  { table: 'consent', column: 'rep_full_name', categories: ['representative'], holds: 'the representative who signed', anonymize: REMOVE },
  { table: 'consent', column: 'rep_iin', categories: ['representative'], holds: "the signing representative's IIN", anonymize: REMOVE },
  { table: 'consent', column: 'rep_basis', categories: ['representative'], holds: 'on what grounds the representative signed', anonymize: { kind: 'keep', why: 'the grounds identify nobody' } },
  { table: 'consent', column: 'signature_png', categories: ['signature'], holds: 'the signature drawn on screen', anonymize: REMOVE },
  { table: 'consent', column: 'pdf', categories: ['signature', 'full-name', 'iin'], holds: 'the printed consent form', anonymize: REMOVE },
  { table: 'consent', column: 'withdrawal_reason', categories: ['free-text'], holds: 'why the consent was withdrawn', anonymize: REMOVE },
  { table: 'dpo_task', column: 'note', categories: ['free-text'], holds: "the data-protection officer's note on closing a task", anonymize: REMOVE },
  { table: 'sync_conflict', column: 'local_json', categories: SNAPSHOT_CATEGORIES, holds: 'our version of a record in conflict, as FHIR', anonymize: { kind: 'replace', with: 'empty' } },
  { table: 'sync_conflict', column: 'remote_json', categories: SNAPSHOT_CATEGORIES, holds: "the central system's version of a record in conflict, as FHIR", anonymize: REMOVE },
  // Employees are subjects too (policy 2.8); their accounts follow their own retention.
  { table: 'staff', column: 'full_name', categories: ['staff'], holds: "an employee's name", anonymize: { kind: 'keep', why: 'staff accounts are not patients; they have their own retention' } },
  { table: 'staff', column: 'login', categories: ['staff'], holds: "an employee's login", anonymize: { kind: 'keep', why: 'staff accounts are not patients; they have their own retention' } },
  {
    table: 'operator',
    column: 'director_name',
    categories: ['staff'],
    holds: "the operator's director, as printed on every form",
    anonymize: { kind: 'keep', why: "the operator's public details, printed on every form" },
  },
  {
    table: 'operator',
    column: 'director_name_ru_dative',
    categories: ['staff'],
    holds: "the director's name in the Russian dative",
    anonymize: { kind: 'keep', why: "the operator's public details, printed on every form" },
  },
];

/** The described columns of one table. */
export function personalColumnsOf(table: string): readonly StoredPersonalData[] {
  return PERSONAL_DATA_STORAGE.filter((s) => s.table === table);
}
