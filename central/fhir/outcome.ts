import type { Extension, OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/**
 * Extensions the central server puts on OperationOutcome issues so that a client can act on
 * an error without parsing the human-readable `diagnostics`.
 */
export const CENTRAL_EXTENSIONS = {
  /** valueString: the version the resource is at now (412 conflicts). */
  currentVersion: 'https://fhir.aimedlab.kz/StructureDefinition/current-version',
  /** valueReference: the resource that already holds a unique identifier (409 duplicates). */
  existingResource: 'https://fhir.aimedlab.kz/StructureDefinition/existing-resource',
  /** On history Bundle.meta, valueString: the cursor to send as `_since` next time. */
  syncCursor: 'https://fhir.aimedlab.kz/StructureDefinition/sync-cursor',
} as const;

export type IssueCode = NonNullable<OperationOutcomeIssue['code']>;

/** An error that becomes an HTTP status and an OperationOutcome body. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly outcome: OperationOutcome,
  ) {
    super(outcome.issue?.[0]?.diagnostics ?? `HTTP ${status}`);
  }
}

export interface IssueOptions {
  /** FHIRPath of what failed, e.g. `Bundle.entry[3]`. */
  expression?: string[];
  extension?: Extension[];
}

export function issue(code: IssueCode, diagnostics: string, options: IssueOptions = {}): OperationOutcomeIssue {
  return {
    severity: 'error',
    code,
    diagnostics,
    ...(options.expression ? { expression: options.expression } : {}),
    ...(options.extension ? { extension: options.extension } : {}),
  };
}

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function fhirError(status: number, code: IssueCode, diagnostics: string, options?: IssueOptions): FhirError {
  return new FhirError(status, operationOutcome([issue(code, diagnostics, options)]));
}

export function entryExpression(index: number): string {
  return `Bundle.entry[${index}]`;
}
