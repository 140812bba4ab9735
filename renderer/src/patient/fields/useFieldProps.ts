import { useFormContext, type Path, type RegisterOptions } from 'react-hook-form';
import { maskDate } from '../../format';
import type { PatientFormState } from '../formModel';
import { fieldError } from '../../forms/fieldError';

export type FieldName = Path<PatientFormState>;

export const fieldId = (name: string) => `patient-${name.replace(/\./g, '-')}`;

/** Registration and error of one field of the patient form, for TextField/SelectField. */
export function useFieldProps() {
  const { register, formState, setValue } = useFormContext<PatientFormState>();
  const error = (name: FieldName) => fieldError(formState.errors, name);
  const reg = (name: FieldName, options?: RegisterOptions<PatientFormState, FieldName>) => register(name, options);
  /** A date typed as digits gets its dots as she types (dd.MM.yyyy). */
  const dateReg = (name: FieldName) =>
    register(name, {
      onChange: (e: { target: { value: string } }) => setValue(name, maskDate(e.target.value), { shouldValidate: error(name) !== undefined }),
    });
  return { reg, dateReg, error, id: fieldId };
}
