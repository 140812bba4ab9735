import type { ErrorBody } from '../../../electron/core/api/types';
import { applyCoreError } from '../forms/coreErrors';
import type { PatientForm } from './PatientForm';
import { FORM_FIELDS } from './PatientForm';

/**
 * The core names patient fields `patient.<field>` (its payload wraps the patient); the form's
 * fields are named without the wrapper. Issues are moved onto the fields; what is left (a
 * refusal that is not about one field) is returned for the form's summary.
 */
export function applyPatientCoreError(error: ErrorBody, form: PatientForm): ErrorBody | null {
  const issues = error.issues?.map((i) => ({ ...i, path: i.path.replace(/^patient\./, '') }));
  return applyCoreError(issues ? { ...error, issues } : error, FORM_FIELDS, form.setError);
}
