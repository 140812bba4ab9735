/**
 * The resource types branches sync. Every type name that reaches SQL or a route comes from
 * this list, so a request can never name a table, a column or an unknown type.
 */
export const SYNCED_TYPES = [
  'Patient',
  'Consent',
  'AuditEvent',
  'DocumentReference',
  'QuestionnaireResponse',
  'Task',
] as const;

export type SyncedType = (typeof SYNCED_TYPES)[number];

export function isSyncedType(value: string): value is SyncedType {
  return (SYNCED_TYPES as readonly string[]).includes(value);
}

/**
 * Types a PUT without If-Match may update. They are append-only or move forward only
 * (a consent is superseded, an audit event or a signed document is never edited, a task only
 * advances), so a later write from a branch is the newer truth. Patient is not among them:
 * two front desks may edit the same person, and a blind overwrite would lose one edit.
 */
export function allowsBlindUpdate(type: SyncedType): boolean {
  return type !== 'Patient';
}

/** FHIR `id`: what a client-made UUID must look like. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const PATIENT_REFERENCE = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

function patientOf(reference: unknown): string | undefined {
  if (typeof reference !== 'object' || reference === null || !('reference' in reference)) return undefined;
  const ref = reference.reference;
  return typeof ref === 'string' ? PATIENT_REFERENCE.exec(ref)?.[1] : undefined;
}

/**
 * The patient a resource is about (its patient compartment), which decides which branches see
 * it: the Patient itself, or the first Patient reference among the elements that name the
 * subject of the types we sync (subject, patient, beneficiary, for, and AuditEvent.entity.what).
 */
export function compartmentPatient(type: SyncedType, resource: Record<string, unknown>): string | undefined {
  if (type === 'Patient') return typeof resource.id === 'string' ? resource.id : undefined;
  for (const key of ['subject', 'patient', 'beneficiary', 'for']) {
    const found = patientOf(resource[key]);
    if (found) return found;
  }
  const entities = resource.entity;
  if (Array.isArray(entities)) {
    for (const entity of entities) {
      if (typeof entity === 'object' && entity !== null && 'what' in entity) {
        const found = patientOf(entity.what);
        if (found) return found;
      }
    }
  }
  return undefined;
}
