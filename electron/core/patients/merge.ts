import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { enqueue } from '../sync/outbox.js';
import { flatten, type Patient } from './patient-row.js';
import type { Actor, PatientWriter } from './patient-writer.js';
import type { AuditLog } from '../audit/log.js';
import type { PatientInput } from './schema.js';

/**
 * Tables whose rows belong to a patient and move to the surviving record on merge. A fixed
 * list in code (never names from a request); features that add such tables add them here.
 * Tables not created yet by the migrations are skipped.
 */
export const PATIENT_REFERENCES = [
  { table: 'duplicate_override', column: 'patient_id' },
  { table: 'consent', column: 'patient_id' },
  { table: 'subject_request', column: 'patient_id' },
  { table: 'dpo_task', column: 'patient_id' },
] as const;

function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/** Fields of the surviving record that were empty are filled from the merged one; nothing else changes. */
function combined(keep: PatientInput, other: PatientInput): PatientInput {
  return {
    ...keep,
    iin: keep.iin ?? other.iin,
    patronymic: keep.patronymic ?? other.patronymic,
    email: keep.email ?? other.email,
    representative: keep.representative ?? other.representative,
    preferredLanguage: keep.preferredLanguage ?? other.preferredLanguage,
    document: {
      ...keep.document,
      issuedOn: keep.document.issuedOn ?? other.document.issuedOn,
      issuer: keep.document.issuer ?? other.document.issuer,
      expiresOn: keep.document.expiresOn ?? other.document.expiresOn,
    },
  };
}

/**
 * Merges `mergeId` into `keepId`: references move, the merged record stays (status
 * 'merged', pointing at the survivor) with its full history, so nothing is lost and the
 * merge can be traced and explained.
 */
export function mergePatients(db: Db, writer: PatientWriter, audit: AuditLog, keepId: string, mergeId: string, reason: string, actor: Actor): Patient {
  if (keepId === mergeId) throw new AppError('patient.mergeSame');
  return db.transaction((): Patient => {
    const keep = writer.get(keepId);
    const other = writer.get(mergeId);
    if (!keep || !other) throw new AppError('patient.notFound');
    if (keep.status === 'merged' || other.status === 'merged') throw new AppError('patient.merged');
    if (keep.iin && other.iin && keep.iin !== other.iin) {
      // Two different valid IINs are two different people; merging them would lose one.
      throw new AppError('validation', { issues: [{ path: 'mergeId', code: 'merge.differentIin' }] });
    }
    const movedIin = !keep.iin && other.iin ? other.iin : null;
    const otherVersion = other.version + 1;
    db.prepare("UPDATE patient SET status = 'merged', merged_into = ?, iin = NULL, version = ?, updated_at = ?, updated_by = ? WHERE id = ?").run(
      keepId,
      otherVersion,
      actor.at,
      actor.staffId,
      mergeId,
    );
    const rowid = (db.prepare('SELECT rowid FROM patient WHERE id = ?').get(mergeId) as { rowid: number }).rowid;
    db.prepare('DELETE FROM patient_name_fts WHERE rowid = ?').run(rowid);
    db.prepare('INSERT INTO patient_history (patient_id, version, kind, changed_at, changed_by, reason, fields, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      mergeId,
      otherVersion,
      'merge',
      actor.at,
      actor.staffId,
      reason,
      JSON.stringify(['status', 'mergedInto', ...(movedIin ? ['iin'] : [])]),
      JSON.stringify(flatten(other)),
    );
    // Consents that change patient must go up again with their new subject.
    const movedConsents = tableExists(db, 'consent') ? (db.prepare('SELECT id FROM consent WHERE patient_id = ?').all(mergeId) as { id: string }[]) : [];
    const moved: Record<string, number> = {};
    for (const ref of PATIENT_REFERENCES) {
      if (!tableExists(db, ref.table)) continue;
      // Table and column come from the constant list above, not from input.
      moved[ref.table] = db.prepare(`UPDATE ${ref.table} SET ${ref.column} = ? WHERE ${ref.column} = ?`).run(keepId, mergeId).changes;
    }
    const next = combined(keep, { ...other, iin: movedIin ?? other.iin });
    writer.update(keepId, keep.version, next, actor, reason, 'merge');
    enqueue(db, 'Patient', mergeId, actor.at);
    for (const c of movedConsents) {
      enqueue(db, 'Consent', c.id, actor.at);
      enqueue(db, 'DocumentReference', c.id, actor.at);
    }
    audit.append({
      action: 'patient.merged',
      staffId: actor.staffId,
      entityType: 'patient',
      entityId: keepId,
      details: { mergedId: mergeId, ...moved },
    });
    return writer.get(keepId)!;
  })();
}
