/** The personal-data descriptor: one place that says where a patient's personal data lives. */
export * from './kinds.js';
export * from './fields.js';
export * from './flat.js';
export * from './storage.js';
export { PATIENT_FHIR, fhirPatientSchema, type FhirPatientView } from './fhir-elements.js';
