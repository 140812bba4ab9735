import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/log.js';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { enqueue } from '../sync/outbox.js';
import { foldForSearch, phoneSearchDigits } from './fold.js';
import { PatientReader } from './patient-reader.js';
import { changedFields, flatten, type Patient } from './patient-row.js';
import type { PatientInput } from './schema.js';

export interface Actor {
  staffId: string | null;
  at: string;
}

function columns(p: PatientInput) {
  return {
    iin: p.iin,
    surname: p.surname,
    given_name: p.givenName,
    patronymic: p.patronymic,
    birth_date: p.birthDate,
    sex: p.sex,
    doc_type: p.document.type,
    doc_number: p.document.number,
    doc_issued_on: p.document.issuedOn,
    doc_issuer: p.document.issuer,
    doc_expires_on: p.document.expiresOn,
    phone: p.phone,
    phone_digits: phoneSearchDigits(p.phone),
    email: p.email,
    address: p.address,
    rep_full_name: p.representative?.fullName ?? null,
    rep_iin: p.representative?.iin ?? null,
    rep_basis: p.representative?.basis ?? null,
    preferred_language: p.preferredLanguage,
    search_name: foldForSearch([p.surname, p.givenName, p.patronymic ?? ''].join(' ')),
  };
}

/**
 * Every write to a patient: the row, its search index, its history, its audit entry and
 * its outbox entry, all in one transaction.
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

  private reindex(id: string, p: PatientInput): void {
    const rowid = this.rowid(id);
    this.sql('DELETE FROM patient_name_fts WHERE rowid = ?').run(rowid);
    this.sql('INSERT INTO patient_name_fts (rowid, name) VALUES (?, ?)').run(rowid, foldForSearch([p.surname, p.givenName, p.patronymic ?? ''].join(' ')));
  }

  private writeHistory(id: string, version: number, kind: string, actor: Actor, fields: string[], before: PatientInput | null, reason: string | null): void {
    this.sql('INSERT INTO patient_history (patient_id, version, kind, changed_at, changed_by, reason, fields, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, version, kind, actor.at, actor.staffId, reason, JSON.stringify(fields), before ? JSON.stringify(flatten(before)) : null);
  }

  create(p: PatientInput, actor: Actor, opts: { id?: string; kind?: 'create' | 'import'; override?: { reason: string; candidateIds: string[] } } = {}): Patient {
    const id = opts.id ?? randomUUID();
    this.db.transaction(() => {
      if (p.iin && this.byIin(p.iin)) throw new AppError('patient.duplicateIin');
      this.sql(
          `INSERT INTO patient (id, iin, surname, given_name, patronymic, birth_date, sex, doc_type, doc_number, doc_issued_on, doc_issuer,
             doc_expires_on, phone, phone_digits, email, address, rep_full_name, rep_iin, rep_basis, preferred_language, search_name,
             version, created_at, created_by, updated_at, updated_by)
           VALUES (@id, @iin, @surname, @given_name, @patronymic, @birth_date, @sex, @doc_type, @doc_number, @doc_issued_on, @doc_issuer,
             @doc_expires_on, @phone, @phone_digits, @email, @address, @rep_full_name, @rep_iin, @rep_basis, @preferred_language, @search_name,
             1, @at, @staff, @at, @staff)`,
        )
        .run({ id, ...columns(p), at: actor.at, staff: actor.staffId });
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
      this.sql(
          `UPDATE patient SET iin = @iin, surname = @surname, given_name = @given_name, patronymic = @patronymic, birth_date = @birth_date,
             sex = @sex, doc_type = @doc_type, doc_number = @doc_number, doc_issued_on = @doc_issued_on, doc_issuer = @doc_issuer,
             doc_expires_on = @doc_expires_on, phone = @phone, phone_digits = @phone_digits, email = @email, address = @address,
             rep_full_name = @rep_full_name, rep_iin = @rep_iin, rep_basis = @rep_basis, preferred_language = @preferred_language,
             search_name = @search_name, version = @version, updated_at = @at, updated_by = @staff
           WHERE id = @id`,
        )
        .run({ id, ...columns(p), version, at: actor.at, staff: actor.staffId });
      this.reindex(id, p);
      this.writeHistory(id, version, kind, actor, fields, cur, reason);
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

  /** Records the version the central system holds after a successful upload or pull. */
  setRemoteVersion(id: string, remoteVersion: string): void {
    this.sql('UPDATE patient SET remote_version = ? WHERE id = ?').run(remoteVersion, id);
  }
}
