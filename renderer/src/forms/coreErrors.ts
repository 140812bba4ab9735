import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ErrorBody, FieldIssue } from '../../../electron/core/api/types';
import { encodeIssue } from './issues';

/**
 * Puts the core's validation issues next to the fields they name (the core validates every
 * payload again, and may know things the client schema does not). Returns what is left for
 * the form as a whole: a non-validation error, or issues for paths this form has no field for.
 */
export function applyCoreError<T extends FieldValues>(
  error: ErrorBody,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): ErrorBody | null {
  if (error.code !== 'validation' || !error.issues?.length) return error;
  const known = new Set<string>(fields);
  const leftover: FieldIssue[] = [];
  let first = true;
  for (const issue of error.issues) {
    if (!known.has(issue.path)) {
      leftover.push(issue);
      continue;
    }
    setError(issue.path as Path<T>, { type: 'server', message: encodeIssue(issue.code, issue.params) }, { shouldFocus: first });
    first = false;
  }
  return leftover.length ? { code: 'validation', issues: leftover } : null;
}
