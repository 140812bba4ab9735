import type { Resource } from '@medplum/fhirtypes';
import type { AuditRow } from '../audit/chain.js';
import { auditEventToFhir } from '../fhir/audit-event.js';
import { patientToFhir } from '../fhir/patient.js';
import type { PatientWriter } from '../patients/patient-writer.js';
import type { Db } from '../store/database.js';
import { consentBuilder, documentReferenceBuilder } from './consent-builders.js';
import type { OutboxResourceType } from './outbox.js';

/**
 * How each queued resource type becomes the FHIR resource that is uploaded. The outbox holds
 * only (type, id): the content is read here, at send time, so ten edits made offline go up
 * as one version.
 *
 * A type without a builder stays in the outbox, pending, until one is registered: nothing
 * queued is ever dropped because the code to send it came later.
 */
export interface BuildContext {
  db: Db;
  branchCode: string;
  patients: PatientWriter;
}

export interface BuiltResource {
  resource: Resource & { id: string };
  /** The version the central system had when we last synced this resource (for If-Match). */
  ifMatch: string | null;
  /** The patient whose compartment it belongs to, to hold it back while that patient is in conflict. */
  patientId: string | null;
}

export interface ResourceBuilder {
  /** The current local content, or null if the record no longer exists. Read-only and synchronous. */
  build(ctx: BuildContext, id: string): BuiltResource | null;
  /** Records the version the central system now holds; called in the transaction that marks the upload sent. */
  recordVersion(ctx: BuildContext, id: string, version: string): void;
}

export type BuilderRegistry = Partial<Record<OutboxResourceType, ResourceBuilder>>;

export const patientBuilder: ResourceBuilder = {
  build({ patients, branchCode }, id) {
    const p = patients.get(id);
    if (!p) return null;
    return { resource: { ...patientToFhir(p, branchCode), id }, ifMatch: p.remoteVersion, patientId: id };
  },
  recordVersion({ patients }, id, version) {
    patients.setRemoteVersion(id, version);
  },
};

/** Audit entries are append-only: the central copy never changes, so no version is kept. */
export const auditEventBuilder: ResourceBuilder = {
  build({ db }, id) {
    const row = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as AuditRow | undefined;
    if (!row) return null;
    const resource = auditEventToFhir(row);
    return { resource: { ...resource, id }, ifMatch: null, patientId: row.entity_type === 'patient' ? row.entity_id : null };
  },
  recordVersion() {},
};

/**
 * The builders the engine uses. QuestionnaireResponse and Task plug in by adding one entry
 * each; until then their queued rows wait.
 */
export function defaultBuilders(): BuilderRegistry {
  return { Patient: patientBuilder, AuditEvent: auditEventBuilder, Consent: consentBuilder, DocumentReference: documentReferenceBuilder };
}
