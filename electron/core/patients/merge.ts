import type { AuditLog } from '../audit/log.js';
import { ConsentReader } from '../consent/consent-repo.js';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { enqueue } from '../sync/outbox.js';
import type { Patient } from './patient-row.js';
import type { Actor, PatientWriter } from './patient-writer.js';
import type { PatientInput } from './schema.js';

export { PATIENT_REFERENCES } from './patient-writer.js';

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
    writer.setStatus(mergeId, { status: 'merged', into: keepId, reason }, actor);
    // Consents that change patient must go up again with their new subject.
    const movedConsents = new ConsentReader(db).forPatient(mergeId);
    const moved = writer.moveReferences(mergeId, keepId);
    const next = combined(keep, { ...other, iin: movedIin ?? other.iin });
    writer.update(keepId, keep.version, next, actor, reason, 'merge');
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
