import type { CapabilityStatement } from '@medplum/fhirtypes';
import { SYNCED_TYPES } from './resource-types.js';

/**
 * What this server implements. Public: the desk app fetches it to tell "server unreachable"
 * from "token refused" before its first sync.
 */
export function capabilityStatement(baseUrl: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    software: { name: 'AiMedLab central reference server' },
    implementation: { description: 'Reference central FHIR server for branch sync', url: baseUrl },
    rest: [
      {
        mode: 'server',
        security: { description: 'Authorization: Bearer <branch token>, one token per branch.' },
        resource: SYNCED_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'update' }],
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalUpdate: type === 'Patient',
          ...(type === 'Patient' ? { searchParam: [{ name: 'identifier', type: 'token' }] } : {}),
        })),
        interaction: [{ code: 'transaction' }, { code: 'history-system' }],
      },
    ],
  };
}
