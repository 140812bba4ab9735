import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import type { PatientStatus } from '../patients/patient-row.js';
import { fhirPatientSchema, PATIENT_FHIR } from '../patients/personal-data/fhir-elements.js';
import { PATIENT_FIELDS } from '../patients/personal-data/fields.js';
import { unflatten, type FlatPatient } from '../patients/personal-data/flat.js';
import type { PatientInput } from '../patients/schema.js';
import { FHIR_SYSTEMS } from './systems.js';

/**
 * The desk's patient as a FHIR R4 `Patient`, and back. Where each field lives in the resource
 * is said once, by the personal-data descriptor (patients/personal-data/fields.ts: each field's
 * `fhir.element`, `read` and `write`); this module adds what is not a field:
 *
 * | desk                    | FHIR element                                                                     |
 * |-------------------------|----------------------------------------------------------------------------------|
 * | id (device UUID)        | `id`                                                                             |
 * | name as printed         | `name[0].text` (surname, given names, patronymic)                                |
 * | status                  | `active` (false when merged or blocked) and, when merged, `link` `replaced-by`    |
 * | branch (not a field)    | `meta.tag` under `FHIR_SYSTEMS.branch`                                           |
 */
export { PATIENT_FHIR, fhirPatientSchema };

/** What the mapping needs from a local patient (a `Patient` from the reader fits). */
export interface PatientForFhir extends PatientInput {
  id: string;
  status: PatientStatus;
  mergedInto: string | null;
}

/** Each field writes its own element (the descriptor's `fhir.write`), in descriptor order. */
export function patientToFhir(p: PatientForFhir, branchCode: string): FhirPatient {
  const out: FhirPatient = {
    resourceType: 'Patient',
    id: p.id,
    meta: { tag: [{ system: FHIR_SYSTEMS.branch, code: branchCode }] },
    active: p.status === 'active',
  };
  for (const f of PATIENT_FIELDS) {
    const v = f.get(p);
    if (v !== null) f.fhir.write(out, v);
  }
  const name = out.name?.[0];
  if (name) name.text = [name.family, ...(name.given ?? [])].filter(Boolean).join(' ');
  if (p.status === 'merged' && p.mergedInto) out.link = [{ other: { reference: `Patient/${p.mergedInto}` }, type: 'replaced-by' }];
  return out;
}

export type PatientFromFhir =
  | { ok: true; id: string; version: string | null; input: PatientInput; status: PatientStatus; mergedInto: string | null }
  /** `missing` names the desk fields the resource lacks (paths, never values). */
  | { ok: false; missing: string[] };

/**
 * A FHIR Patient as the desk's patient. Refuses (with the list of missing fields) a resource
 * without what the desk requires, instead of inventing values: such a record is shown as
 * incomplete, never stored half-filled.
 */
export function patientFromFhir(resource: unknown): PatientFromFhir {
  const parsed = fhirPatientSchema.safeParse(resource);
  if (!parsed.success) return { ok: false, missing: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'resource'))] };
  const r = parsed.data;
  const flat = Object.fromEntries(PATIENT_FIELDS.map((f) => [f.key, f.fhir.read(r) || null])) as FlatPatient;
  const missing = PATIENT_FIELDS.filter((f) => f.required && flat[f.key] === null).map((f) => f.key);
  if (missing.length > 0) return { ok: false, missing };
  const replacedBy = r.link?.find((l) => l.type === 'replaced-by')?.other.reference?.match(/^Patient\/([A-Za-z0-9\-.]{1,64})$/)?.[1] ?? null;
  const status: PatientStatus = replacedBy ? 'merged' : r.active === false ? 'blocked' : 'active';
  return { ok: true, id: r.id, version: r.meta?.versionId ?? null, input: unflatten(flat), status, mergedInto: replacedBy };
}
