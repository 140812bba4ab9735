import { parseInput } from '../api/validation.js';
import type { AuditLog } from '../audit/log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { patientFromFhir } from '../fhir/patient.js';
import { mergePatients } from '../patients/merge.js';
import type { Patient } from '../patients/patient-row.js';
import { PATIENT_FIELD_KEYS } from '../patients/personal-data/fields.js';
import { flatten, nest, sameFields } from '../patients/personal-data/flat.js';
import type { Actor, PatientWriter } from '../patients/patient-writer.js';
import { patientInputSchema, type PatientInput } from '../patients/schema.js';
import type { Db } from '../store/database.js';
import { getConflict, markResolved, type ConflictRecord } from './conflicts.js';
import { enqueue } from './outbox.js';
import { markSuperseded } from './queue.js';

export type FieldChoice = 'local' | 'remote';
export type ConflictChoice = { choice: 'local' } | { choice: 'remote' } | { choice: 'merge'; fields: Partial<Record<string, FieldChoice>> };

export interface ResolveDeps {
  db: Db;
  patients: PatientWriter;
  audit: AuditLog;
  clock: Clock;
}

/** The flat field names a per-field merge may name: the descriptor's keys (the same as the patient history uses). */
export const MERGE_FIELDS: string[] = [...PATIENT_FIELD_KEYS];

/** Local values, with the fields chosen as 'remote' taken from the central record, validated like any edit. */
function merged(deps: ResolveDeps, local: PatientInput, remote: PatientInput, fields: Partial<Record<string, FieldChoice>>): PatientInput {
  const unknown = Object.keys(fields).filter((k) => !MERGE_FIELDS.includes(k));
  if (unknown.length) throw new AppError('validation', { issues: unknown.map((k) => ({ path: `fields.${k}`, code: 'sync.unknownField' })) });
  const l = flatten(local);
  const r = flatten(remote);
  const out = Object.fromEntries(PATIENT_FIELD_KEYS.map((k) => [k, fields[k] === 'remote' ? r[k] : l[k]]));
  return parseInput(patientInputSchema(() => deps.clock.now()), nest(out), ['merged']);
}

/**
 * A version conflict: the central record moved while this one changed.
 * - local: keep ours and upload it over the central version (If-Match that version);
 * - remote: take the central version here; nothing needs to go up;
 * - merge: ours with the chosen fields from the central record, uploaded with If-Match.
 */
function resolveVersion(deps: ResolveDeps, c: ConflictRecord, local: Patient, remote: PatientInput | null, choice: ConflictChoice, actor: Actor): void {
  const { patients, db } = deps;
  const remoteVersion = c.remoteVersion;
  if (!remoteVersion) throw new AppError('validation', { issues: [{ path: 'id', code: 'sync.conflictIncomplete' }] });
  if (choice.choice === 'local') {
    patients.setRemoteVersion(local.id, remoteVersion);
    enqueue(db, 'Patient', local.id, actor.at);
  } else if (choice.choice === 'remote' && remote) {
    patients.update(local.id, local.version, remote, actor, null, 'remote');
    patients.setRemoteVersion(local.id, remoteVersion);
    markSuperseded(db, 'Patient', local.id);
  } else if (choice.choice === 'merge' && remote) {
    const next = merged(deps, local, remote, choice.fields);
    patients.setRemoteVersion(local.id, remoteVersion);
    if (!sameFields(next, local)) patients.update(local.id, local.version, next, actor, null);
    enqueue(db, 'Patient', local.id, actor.at);
  } else {
    throw new AppError('validation', { issues: [{ path: 'choice', code: 'sync.remoteIncomplete' }] });
  }
}

/**
 * A duplicate: another branch registered this IIN first, so the central system has the
 * person under its id. `local` uploads ours again as it is (after staff corrected an IIN
 * typo, say). `remote` and `merge` make the central record the one: it is imported under its
 * id, ours is merged into it (references move, ours stays as a merged record pointing at it,
 * nothing is deleted), and the surviving record takes the central values, or the chosen mix.
 */
function resolveDuplicate(deps: ResolveDeps, c: ConflictRecord, local: Patient, remote: PatientInput | null, choice: ConflictChoice, actor: Actor): void {
  const { patients, db, audit } = deps;
  if (choice.choice === 'local') {
    enqueue(db, 'Patient', local.id, actor.at);
    return;
  }
  if (!remote || !c.remoteId || !c.remoteVersion) throw new AppError('validation', { issues: [{ path: 'choice', code: 'sync.remoteIncomplete' }] });
  const target = choice.choice === 'merge' ? merged(deps, local, remote, choice.fields) : remote;
  if (!patients.get(c.remoteId)) {
    // Without the IIN at first: ours still holds it until the merge moves it across.
    patients.create({ ...remote, iin: null }, actor, { id: c.remoteId, kind: 'import' });
    patients.setRemoteVersion(c.remoteId, c.remoteVersion);
  }
  mergePatients(db, patients, audit, c.remoteId, local.id, 'sync.duplicate', actor);
  const survivor = patients.get(c.remoteId);
  if (survivor && !sameFields(survivor, target)) patients.update(c.remoteId, survivor.version, target, actor, 'sync.duplicate');
  // Exactly the central record: nothing to send back for it (the merged record of ours still goes up).
  if (sameFields(target, remote)) markSuperseded(db, 'Patient', c.remoteId);
}

/** Applies staff's choice for an open conflict, in one transaction with its audit entry. */
export function resolveConflict(deps: ResolveDeps, id: string, choice: ConflictChoice, actor: Actor): ConflictRecord {
  return deps.db.transaction((): ConflictRecord => {
    const c = getConflict(deps.db, id);
    if (!c || c.status !== 'open') throw new AppError('validation', { issues: [{ path: 'id', code: 'sync.conflictNotFound' }] });
    if (c.resourceType !== 'Patient') throw new AppError('validation', { issues: [{ path: 'id', code: 'sync.conflictNotFound' }] });
    const local = deps.patients.get(c.resourceId);
    if (!local) throw new AppError('patient.notFound');
    const parsed = c.remote ? patientFromFhir(c.remote) : null;
    const remote = parsed?.ok ? parsed.input : null;
    if (c.kind === 'duplicate') resolveDuplicate(deps, c, local, remote, choice, actor);
    else resolveVersion(deps, c, local, remote, choice, actor);
    markResolved(deps.db, id, choice.choice, actor.at, actor.staffId);
    deps.audit.append({
      action: 'sync.conflictResolved',
      staffId: actor.staffId,
      entityType: 'patient',
      entityId: c.resourceId,
      details: { kind: c.kind, resolution: choice.choice, ...(choice.choice === 'merge' ? { remoteFields: Object.values(choice.fields).filter((v) => v === 'remote').length } : {}) },
    });
    return getConflict(deps.db, id)!;
  })();
}
