import type { HistoryEntry } from '../../../../electron/core/patients/patient-reader';
import { flatten, type Patient } from '../../../../electron/core/patients/patient-row';

export type Flat = Record<string, string | null>;

/**
 * The patient as flat, comparable fields: the same keys the core keeps in a history entry's
 * `before` (patient-row.ts `flatten`), plus the record's status for merges.
 */
export function flattenPatient(p: Patient): Flat {
  return { ...flatten(p), status: p.status, mergedInto: p.mergedInto };
}

export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

export interface HistoryItem {
  entry: HistoryEntry;
  /** Empty for the registration itself: every field was new, the card above shows them. */
  changes: Change[];
}

/**
 * Each entry keeps the values before it; the values after it are the next entry's "before",
 * or the record as it is now for the latest one. Entries come newest first.
 */
export function historyItems(entries: readonly HistoryEntry[], current: Patient): HistoryItem[] {
  const now = flattenPatient(current);
  return entries.map((entry, i) => {
    if (entry.kind === 'create' || entry.kind === 'import' || entry.before === null) return { entry, changes: [] };
    const after = i === 0 ? now : (entries[i - 1]?.before ?? now);
    const before = entry.before;
    return { entry, changes: entry.fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })) };
  });
}
