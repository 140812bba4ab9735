import type { AuditEvent, AuditEventEntity, AuditEventEntityDetail, Extension, Reference } from '@medplum/fhirtypes';
import type { AuditRow } from '../audit/chain.js';
import { FHIR_SYSTEMS } from './systems.js';

/**
 * One entry of the local audit log as a FHIR R4 `AuditEvent`.
 *
 * - `type` is the area of the action (`patient` of `patient.viewed`) and `subtype` the action
 *   itself, both under `FHIR_SYSTEMS.auditAction`; `action` is the R4 C/R/U/D/E code.
 * - `agent.who` names the staff member by identifier (staff are not FHIR resources here);
 *   entries without a person (failed logins, the system) name the branch's desk instead.
 * - `source.observer` is the branch, by identifier.
 * - `entity[0].what` is `Patient/<id>` or `Consent/<id>` for records that are FHIR resources,
 *   an identifier otherwise; `details` become `entity.detail`.
 * - The hash chain travels in the `audit-chain` extension with every hashed input that is not
 *   already in the resource, so the central system can re-verify each branch's chain.
 *
 * Like the log itself, it carries ids and counts, never names or IINs.
 */
export const AUDIT_FHIR = {
  chain: 'https://fhir.aimedlab.kz/StructureDefinition/audit-chain',
  staff: 'https://fhir.aimedlab.kz/sid/staff',
  branch: 'https://fhir.aimedlab.kz/sid/branch',
  /** `${entityBase}<entity type>` for records that are not FHIR resources (staff, branch, draft…). */
  entityBase: 'https://fhir.aimedlab.kz/sid/',
} as const;

/** Local entity types that are FHIR resources on the wire. */
const RESOURCE_OF_ENTITY: Readonly<Record<string, string>> = {
  patient: 'Patient',
  consent: 'Consent',
};

const ACTION_VERBS: readonly [RegExp, AuditEvent['action']][] = [
  [/(created|imported|registered|captured)$/i, 'C'],
  [/(viewed|read|lookedUpCentrally|printed|exported|listed)$/i, 'R'],
  [/(updated|merged|changed|withdrawn|signed|corrected|updatedByCentral)$/i, 'U'],
  [/(deleted|removed|destroyed)$/i, 'D'],
];

function actionCode(action: string): AuditEvent['action'] {
  return ACTION_VERBS.find(([re]) => re.test(action))?.[1] ?? 'E';
}

/** FHIR `string` must not be empty; JSON keeps the type of non-string details readable. */
function detailValue(v: unknown): string {
  return typeof v === 'string' && v.trim() !== '' && v === v.trim() ? v : JSON.stringify(v);
}

function entityReference(type: string, id: string): Reference {
  const resource = RESOURCE_OF_ENTITY[type];
  if (resource) return { reference: `${resource}/${id}` };
  const safeType = type.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return { identifier: { system: AUDIT_FHIR.entityBase + safeType, value: id } };
}

function details(raw: string): AuditEventEntityDetail[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  return Object.entries(parsed).map(([type, value]) => ({ type, valueString: detailValue(value) }));
}

function chainExtension(row: AuditRow): Extension {
  const ext: Extension[] = [
    { url: 'seq', valueInteger: row.seq },
    { url: 'prevHash', valueString: row.prev_hash },
    { url: 'hash', valueString: row.hash },
    // The exact hashed text: details as stored, and the entity type before any mapping.
    { url: 'details', valueString: row.details },
  ];
  if (row.entity_type) ext.push({ url: 'entityType', valueString: row.entity_type });
  if (row.entity_id) ext.push({ url: 'entityId', valueString: row.entity_id });
  return { url: AUDIT_FHIR.chain, extension: ext };
}

export function auditEventToFhir(row: AuditRow): AuditEvent {
  const area = row.action.split('.')[0] || row.action;
  const entity: AuditEventEntity = {};
  if (row.entity_type && row.entity_id) entity.what = entityReference(row.entity_type, row.entity_id);
  const detail = details(row.details);
  if (detail.length > 0) entity.detail = detail;
  const branchId = { system: AUDIT_FHIR.branch, value: row.branch_code };
  return {
    resourceType: 'AuditEvent',
    id: row.id,
    meta: { tag: [{ system: FHIR_SYSTEMS.branch, code: row.branch_code }] },
    extension: [chainExtension(row)],
    type: { system: FHIR_SYSTEMS.auditAction, code: area },
    subtype: [{ system: FHIR_SYSTEMS.auditAction, code: row.action }],
    action: actionCode(row.action),
    recorded: row.at,
    outcome: /failed/i.test(row.action) ? '4' : '0',
    agent: [
      row.staff_id
        ? { who: { identifier: { system: AUDIT_FHIR.staff, value: row.staff_id } }, requestor: true }
        : { who: { identifier: branchId }, requestor: false },
    ],
    source: { site: row.branch_code, observer: { identifier: branchId } },
    ...(entity.what || entity.detail ? { entity: [entity] } : {}),
  };
}

/**
 * The audit row back from its AuditEvent, for checking a branch's chain from the central
 * copies. Returns undefined for an AuditEvent that was not made by `auditEventToFhir`.
 */
export function auditRowFromFhir(e: AuditEvent): AuditRow | undefined {
  const chain = e.extension?.find((x) => x.url === AUDIT_FHIR.chain)?.extension;
  const get = (url: string) => chain?.find((x) => x.url === url);
  const seq = get('seq')?.valueInteger;
  const prevHash = get('prevHash')?.valueString;
  const hash = get('hash')?.valueString;
  const detailsText = get('details')?.valueString;
  const action = e.subtype?.find((c) => c.system === FHIR_SYSTEMS.auditAction)?.code;
  const branch = e.source.observer?.identifier?.value;
  if (seq === undefined || !prevHash || !hash || detailsText === undefined || !action || !branch || !e.id) return undefined;
  const agent = e.agent[0]?.who?.identifier;
  return {
    seq,
    id: e.id,
    at: e.recorded,
    staff_id: agent?.system === AUDIT_FHIR.staff ? (agent.value ?? null) : null,
    branch_code: branch,
    action,
    entity_type: get('entityType')?.valueString ?? null,
    entity_id: get('entityId')?.valueString ?? null,
    details: detailsText,
    prev_hash: prevHash,
    hash,
  };
}
