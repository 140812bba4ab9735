import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/log.js';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { enqueue } from '../sync/outbox.js';
import { PatientReader } from './patient-reader.js';
import { changedFields, flatten, type Patient } from './patient-row.js';
import { PATIENT_FIELDS } from './personal-data/fields.js';
import { patientColumns, searchName } from './personal-data/flat.js';
import type { PatientInput } from './schema.js';

export interface Actor {
  staffId: string | null;
  at: string;
}

/**
 * A change of a patient's status. `reason` is kept in the history row: a code
 * ('consent.withdrawn') or what a person typed.
 * - blocked / active: the record stays; only its use is stopped or allowed again;
 * - merged: the record now points at the one kept and gives up its IIN to it.
 */
export type StatusChange = { status: 'active' | 'blocked'; reason: string } | { status: 'merged'; into: string; reason: string };

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

// The field columns come from the descriptor (a constant in code, never from a request).
const FIELD_COLUMNS = [...PATIENT_FIELDS.map((f) => f.column), 'phone_digits', 'search_name'];
const INSERT_SQL = `INSERT INTO patient (id, ${FIELD_COLUMNS.join(', ')}, version, created_at, created_by, updated_at, updated_by)
  VALUES (@id, ${FIELD_COLUMNS.map((c) => `@${c}`).join(', ')}, 1, @at, @staff, @at, @staff)`;
const UPDATE_SQL = `UPDATE patient SET ${FIELD_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, version = @version, updated_at = @at, updated_by = @staff
  WHERE id = @id`;

/**
 * Every write to a patient: the row, its search index, its history, its status, its audit
 * entry and its outbox entry, in one transaction. The only module with SQL that changes
 * patients or their history.
 */
export class PatientWriter extends PatientReader {
  constructor(
    db: Db,
    private readonly audit: AuditLog,
  ) {
    super(db);
  }

  private rowid(id: string): number {
    const r = this.sql('SELECT rowid FROM patient WHERE id = ?').get(id) as { rowid: number } | undefined;
    if (!r) throw new AppError('patient.notFound');
    return r.rowid;
  }

  private unindex(id: string): void {
    this.sql('DELETE FROM patient_name_fts WHERE rowid = ?').run(this.rowid(id));
  }

  private reindex(id: string, p: PatientInput): void {
    const rowid = this.rowid(id);
    this.sql('DELETE FROM patient_name_fts WHERE rowid = ?').run(rowid);
    this.sql('INSERT INTO patient_name_fts (rowid, name) VALUES (?, ?)').run(rowid, searchName(p));
  }

  private writeHistory(id: string, version: number, kind: string, actor: Actor, fields: string[], before: Record<string, string | null> | null, reason: string | null): void {
    this.sql('INSERT INTO patient_history (patient_id, version, kind, changed_at, changed_by, reason, fields, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, version, kind, actor.at, actor.staffId, reason, JSON.stringify(fields), before ? JSON.stringify(before) : null);
  }

  create(p: PatientInput, actor: Actor, opts: { id?: string; kind?: 'create' | 'import'; override?: { reason: string; candidateIds: string[] } } = {}): Patient {
    const id = opts.id ?? randomUUID();
    this.db.transaction(() => {
      if (p.iin && this.byIin(p.iin)) throw new AppError('patient.duplicateIin');
      this.sql(INSERT_SQL).run({ id, ...patientColumns(p), at: actor.at, staff: actor.staffId });
      this.reindex(id, p);
      this.writeHistory(id, 1, opts.kind ?? 'create', actor, Object.keys(flatten(p)), null, opts.override?.reason ?? null);
      if (opts.override) {
        this.sql('INSERT INTO duplicate_override (id, patient_id, candidate_ids, reason, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(randomUUID(), id, JSON.stringify(opts.override.candidateIds), opts.override.reason, actor.staffId ?? '', actor.at);
      }
      enqueue(this.statements, 'Patient', id, actor.at);
      this.audit.append({
        action: opts.kind === 'import' ? 'patient.imported' : 'patient.created',
        staffId: actor.staffId,
        entityType: 'patient',
        entityId: id,
        details: opts.override ? { duplicateOverride: true, candidates: opts.override.candidateIds.length } : {},
      });
    })();
    return this.get(id)!;
  }

  /**
   * Saves a corrected patient. `expectedVersion` is the version the receptionist edited: if
   * someone else saved in between, nothing is overwritten and she is told to reload.
   */
  update(id: string, expectedVersion: number, p: PatientInput, actor: Actor, reason: string | null, kind: 'update' | 'remote' | 'merge' = 'update'): Patient {
    this.db.transaction(() => {
      const cur = this.get(id);
      if (!cur) throw new AppError('patient.notFound');
      if (cur.status === 'merged') throw new AppError('patient.merged', { details: { mergedInto: cur.mergedInto ?? '' } });
      if (cur.version !== expectedVersion) throw new AppError('patient.versionConflict', { details: { current: cur.version } });
      const fields = changedFields(cur, p);
      if (fields.length === 0) return;
      if (p.iin && p.iin !== cur.iin && this.byIin(p.iin)) throw new AppError('patient.duplicateIin');
      const version = cur.version + 1;
      this.sql(UPDATE_SQL).run({ id, ...patientColumns(p), version, at: actor.at, staff: actor.staffId });
      this.reindex(id, p);
      this.writeHistory(id, version, kind, actor, fields, flatten(cur), reason);
      // A change that came from the central system is already there; everything else goes up.
      if (kind !== 'remote') enqueue(this.statements, 'Patient', id, actor.at);
      this.audit.append({
        action: kind === 'remote' ? 'patient.updatedByCentral' : kind === 'merge' ? 'patient.mergeApplied' : 'patient.updated',
        staffId: actor.staffId,
        entityType: 'patient',
        entityId: id,
        details: { fields: fields.join(','), version },
      });
    })();
    return this.get(id)!;
  }

  /**
   * THE way a patient's status changes (a withdrawal blocks, a new consent unblocks, a merge
   * retires the merged record): the status, a new version, the history row and the outbox
   * row, written in the caller's transaction, because a status change is always the
   * consequence of another change (the withdrawal, the merge) that must commit with it.
   * Blocking and unblocking are audited here; a merge is audited by the merge as a whole.
   * Setting the status a record already has changes nothing. A merged record is final.
   */
  setStatus(id: string, change: StatusChange, actor: Actor): void {
    if (!this.db.inTransaction) throw new Error('PatientWriter.setStatus must run inside the caller’s transaction');
    const cur = this.get(id);
    if (!cur) throw new AppError('patient.notFound');
    if (cur.status === 'merged') throw new AppError('patient.merged', { details: { mergedInto: cur.mergedInto ?? '' } });
    if (cur.status === change.status) return;
    const version = cur.version + 1;
    if (change.status === 'merged') {
      // The IIN is unique: the merged record gives it up so the record kept can take it.
      this.sql("UPDATE patient SET status = 'merged', merged_into = ?, iin = NULL, version = ?, updated_at = ?, updated_by = ? WHERE id = ?")
        .run(change.into, version, actor.at, actor.staffId, id);
      // A merged record is not found by name any more.
      this.unindex(id);
      this.writeHistory(id, version, 'merge', actor, ['status', 'mergedInto', ...(cur.iin ? ['iin'] : [])], flatten(cur), change.reason);
    } else {
      this.sql('UPDATE patient SET status = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(change.status, version, actor.at, actor.staffId, id);
      this.writeHistory(id, version, 'status', actor, ['status'], { status: cur.status }, change.reason);
      this.audit.append({ action: change.status === 'blocked' ? 'patient.blocked' : 'patient.unblocked', staffId: actor.staffId, entityType: 'patient', entityId: id });
    }
    // The central copy's status must follow (a blocked patient is not to be processed elsewhere either).
    enqueue(this.statements, 'Patient', id, actor.at);
  }

  /**
   * Moves every row that belongs to patient `fromId` to `toId` (a merge), table by table from
   * PATIENT_REFERENCES. Returns how many rows moved per table. Call inside a transaction.
   */
  moveReferences(fromId: string, toId: string): Record<string, number> {
    const moved: Record<string, number> = {};
    for (const ref of PATIENT_REFERENCES) {
      if (!this.tableExists(ref.table)) continue;
      // Table and column come from the constant list above, not from input.
      moved[ref.table] = this.sql(`UPDATE ${ref.table} SET ${ref.column} = ? WHERE ${ref.column} = ?`).run(toId, fromId).changes;
    }
    return moved;
  }

  private tableExists(table: string): boolean {
    return this.sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  }

  /** Records the version the central system holds after a successful upload or pull. */
  setRemoteVersion(id: string, remoteVersion: string): void {
    this.sql('UPDATE patient SET remote_version = ? WHERE id = ?').run(remoteVersion, id);
  }
}
