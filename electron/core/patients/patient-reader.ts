import type { Db } from '../store/database.js';
import { Statements } from '../store/statements.js';
import { foldForSearch } from './fold.js';
import { patientFromRow, summaryFromRow, type Patient, type PatientRow, type PatientSummary } from './patient-row.js';
import { nameSimilarity, SIMILAR_NAME_THRESHOLD } from './similarity.js';

export interface HistoryEntry {
  version: number;
  kind: 'create' | 'update' | 'merge' | 'import' | 'remote' | 'status';
  changedAt: string;
  changedBy: string | null;
  changedByName: string | null;
  reason: string | null;
  fields: string[];
  before: Record<string, string | null> | null;
}

export interface DuplicateCheck {
  /** A patient with the same IIN: creation is blocked. */
  exact: PatientSummary | null;
  /** Same birth date and a similar name, or the same phone: a warning the receptionist may override. */
  similar: (PatientSummary & { reasons: ('name-and-birth-date' | 'phone')[] })[];
}

const SUMMARY_COLUMNS = 'id, iin, surname, given_name, patronymic, birth_date, sex, phone, status';

/** A key that sorts just after every string starting with `prefix`, for index range scans. */
function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}

/** Read-only queries over patients. */
export class PatientReader {
  protected readonly statements: Statements;

  constructor(protected readonly db: Db) {
    this.statements = new Statements(db);
  }

  protected sql(text: string) {
    return this.statements.get(text);
  }

  get(id: string): Patient | undefined {
    const r = this.sql('SELECT rowid, * FROM patient WHERE id = ?').get(id) as PatientRow | undefined;
    return r && patientFromRow(r);
  }

  byIin(iin: string): Patient | undefined {
    const r = this.sql('SELECT rowid, * FROM patient WHERE iin = ?').get(iin) as PatientRow | undefined;
    return r && patientFromRow(r);
  }

  /**
   * Search as the receptionist types: digits look up IIN and phone prefixes; letters look
   * up surname prefixes first (alphabetical, what she expects), then any name part.
   */
  search(query: string, limit = 20): PatientSummary[] {
    const compact = query.replace(/[\s()+.-]/g, '');
    if (/^\d+$/.test(compact)) return this.searchDigits(compact, limit);
    const folded = foldForSearch(query);
    if (!folded) return [];
    const seen = new Set<string>();
    const out: PatientSummary[] = [];
    const push = (rows: Parameters<typeof summaryFromRow>[0][]) => {
      for (const r of rows) {
        if (out.length >= limit || seen.has(r.id)) continue;
        seen.add(r.id);
        out.push(summaryFromRow(r));
      }
    };
    push(
      this.sql(`SELECT ${SUMMARY_COLUMNS} FROM patient WHERE search_name >= ? AND search_name < ? AND status != 'merged' ORDER BY search_name LIMIT ?`)
        .all(folded, prefixEnd(folded), limit) as PatientRow[],
    );
    if (out.length < limit) {
      // Each typed word must prefix some part of the name: "айг нұр" finds Нұрланова Айгерім.
      const match = folded
        .split(' ')
        .map((t) => `"${t}"*`)
        .join(' ');
      push(
        this.sql(
            `SELECT ${SUMMARY_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')}
             FROM patient_name_fts f JOIN patient p ON p.rowid = f.rowid
             WHERE patient_name_fts MATCH ? AND p.status != 'merged' LIMIT ?`,
          )
          .all(match, limit * 2) as PatientRow[],
      );
    }
    return out;
  }

  private searchDigits(digits: string, limit: number): PatientSummary[] {
    const rows: PatientRow[] = [];
    if (digits.length <= 12) {
      rows.push(
        ...(this.sql(`SELECT ${SUMMARY_COLUMNS} FROM patient WHERE iin >= ? AND iin < ? AND status != 'merged' ORDER BY iin LIMIT ?`)
          .all(digits, prefixEnd(digits), limit) as PatientRow[]),
      );
    }
    // Phones are stored as 10 national digits; people type them with 8, 7 or +7 in front.
    const phonePrefixes = new Set([digits]);
    if (digits.length >= 2 && (digits.startsWith('8') || digits.startsWith('7'))) phonePrefixes.add(digits.slice(1));
    for (const p of phonePrefixes) {
      if (p.length < 3 || p.length > 10) continue;
      rows.push(
        ...(this.sql(`SELECT ${SUMMARY_COLUMNS} FROM patient WHERE phone_digits >= ? AND phone_digits < ? AND status != 'merged' ORDER BY phone_digits LIMIT ?`)
          .all(p, prefixEnd(p), limit) as PatientRow[]),
      );
    }
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).slice(0, limit).map(summaryFromRow);
  }

  /** Duplicate check before saving a new or edited patient. `exceptId` is the patient being edited. */
  checkDuplicates(p: { iin: string | null; surname: string; givenName: string; birthDate: string | null; phone: string | null }, exceptId?: string): DuplicateCheck {
    const exactRow = p.iin
      ? (this.sql(`SELECT ${SUMMARY_COLUMNS} FROM patient WHERE iin = ? AND id IS NOT ?`).get(p.iin, exceptId ?? null) as PatientRow | undefined)
      : undefined;
    const similar = new Map<string, PatientSummary & { reasons: ('name-and-birth-date' | 'phone')[] }>();
    const name = foldForSearch(`${p.surname} ${p.givenName}`);
    const sameBirth = p.birthDate
      ? (this.sql(`SELECT ${SUMMARY_COLUMNS} FROM patient WHERE birth_date = ? AND status = 'active' AND id IS NOT ? LIMIT 500`).all(p.birthDate, exceptId ?? null) as PatientRow[])
      : [];
    for (const r of sameBirth) {
      if (r.id === exactRow?.id) continue;
      if (nameSimilarity(name, foldForSearch(`${r.surname} ${r.given_name}`)) >= SIMILAR_NAME_THRESHOLD) {
        similar.set(r.id, { ...summaryFromRow(r), reasons: ['name-and-birth-date'] });
      }
    }
    if (p.phone) {
      const digits = p.phone.replace(/\D/g, '').replace(/^7(?=\d{10}$)/, '');
      const samePhone = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM patient WHERE phone_digits = ? AND status = 'active' AND id IS NOT ? LIMIT 50`)
        .all(digits, exceptId ?? null) as PatientRow[];
      for (const r of samePhone) {
        if (r.id === exactRow?.id) continue;
        const cur = similar.get(r.id);
        if (cur) cur.reasons.push('phone');
        else similar.set(r.id, { ...summaryFromRow(r), reasons: ['phone'] });
      }
    }
    return { exact: exactRow ? summaryFromRow(exactRow) : null, similar: [...similar.values()] };
  }

  history(patientId: string): HistoryEntry[] {
    const rows = this.sql(
        `SELECT h.version, h.kind, h.changed_at, h.changed_by, s.full_name AS changed_by_name, h.reason, h.fields, h.before
         FROM patient_history h LEFT JOIN staff s ON s.id = h.changed_by
         WHERE h.patient_id = ? ORDER BY h.version DESC`,
      )
      .all(patientId) as {
      version: number;
      kind: HistoryEntry['kind'];
      changed_at: string;
      changed_by: string | null;
      changed_by_name: string | null;
      reason: string | null;
      fields: string;
      before: string | null;
    }[];
    return rows.map((r) => ({
      version: r.version,
      kind: r.kind,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      changedByName: r.changed_by_name,
      reason: r.reason,
      fields: JSON.parse(r.fields) as string[],
      before: r.before ? (JSON.parse(r.before) as Record<string, string | null>) : null,
    }));
  }

  count(): number {
    return (this.sql('SELECT count(*) AS n FROM patient').get() as { n: number }).n;
  }
}
