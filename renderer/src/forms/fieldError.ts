import { get, type FieldErrors, type FieldValues } from 'react-hook-form';

/**
 * The message of one field's error, by its dotted path (react-hook-form nests errors like the
 * values). `get` is untyped; this is the one place that narrows what it returns.
 */
export function fieldError<T extends FieldValues>(errors: FieldErrors<T>, name: string): string | undefined {
  const error: unknown = get(errors, name);
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  return typeof error.message === 'string' ? error.message : undefined;
}
