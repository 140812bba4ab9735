import type { Db } from '../store/database.js';

/** A data-protection officer's task as her list shows it, with the patient named. */
export interface DpoTaskView {
  id: string;
  kind: string;
  patientId: string;
  consentId: string | null;
  status: 'open' | 'done';
  createdAt: string;
  closedAt: string | null;
  note: string | null;
  surname: string;
  givenName: string;
  iin: string | null;
  consentNumber: string | null;
}

/**
 * The data-protection officer's tasks (a withdrawn consent opens one; consent-service.ts
 * writes it with the withdrawal). Reading and closing them.
 */
export class DpoTaskRepository {
  constructor(private readonly db: Db) {}

  list(status: 'open' | 'done', limit = 500): DpoTaskView[] {
    return this.db
      .prepare(
        `SELECT t.id, t.kind, t.patient_id AS patientId, t.consent_id AS consentId, t.status, t.created_at AS createdAt, t.closed_at AS closedAt, t.note,
                p.surname, p.given_name AS givenName, p.iin, c.number AS consentNumber
         FROM dpo_task t JOIN patient p ON p.id = t.patient_id LEFT JOIN consent c ON c.id = t.consent_id
         WHERE t.status = ? ORDER BY t.created_at LIMIT ?`,
      )
      .all(status, limit) as DpoTaskView[];
  }

  /** Closes an open task with the officer's note; false when there is no such open task. */
  close(id: string, note: string, at: string, staffId: string | null): boolean {
    return this.db.prepare("UPDATE dpo_task SET status = 'done', closed_at = ?, closed_by = ?, note = ? WHERE id = ? AND status = 'open'").run(at, staffId, note, id).changes > 0;
  }
}
