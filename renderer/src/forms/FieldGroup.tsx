import { useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { TextField, type TextFieldProps } from './TextField';
import { fieldError } from './fieldError';

export interface FieldDef<T extends FieldValues> {
  name: Path<T>;
  label: string;
  hint?: string;
  type?: TextFieldProps['type'];
  inputMode?: TextFieldProps['inputMode'];
  autoComplete?: string;
  required?: boolean;
}

/**
 * Text fields described by a list, registered with the surrounding form. The same list feeds
 * the error summary, so the summary and the fields always name things the same way.
 */
export function FieldGroup<T extends FieldValues>({ defs, idPrefix, autoFocusFirst }: { defs: readonly FieldDef<T>[]; idPrefix: string; autoFocusFirst?: boolean }) {
  const { register, formState } = useFormContext<T>();
  return (
    <>
      {defs.map((d, i) => (
        <TextField
          key={d.name}
          id={`${idPrefix}-${d.name.replace(/\./g, '-')}`}
          label={d.label}
          hint={d.hint}
          type={d.type}
          inputMode={d.inputMode}
          autoComplete={d.autoComplete}
          required={d.required ?? true}
          autoFocus={autoFocusFirst === true && i === 0}
          registration={register(d.name, d.type === 'number' ? { valueAsNumber: true } : undefined)}
          error={fieldError(formState.errors, d.name)}
        />
      ))}
    </>
  );
}
