import { beforeAll, describe, expect, it } from 'vitest';
import { ensureResourceSchemas, validationErrors } from '../../../central/fhir/validate.js';
import { GENESIS_HASH, hashAuditRow, verifyChain, type AuditRow } from '../audit/chain.js';
import { FhirValidator } from './validate.js';
import { AUDIT_FHIR, auditEventToFhir, auditRowFromFhir } from './audit-event.js';
import { FHIR_SYSTEMS } from './systems.js';

/** The official R4 definitions, loaded on first use. */
const validator = new FhirValidator();

type Entry = Pick<AuditRow, 'action' | 'staff_id' | 'entity_type' | 'entity_id'> & { details?: Record<string, unknown> };

const STAFF = '2b0f7f5e-8a51-4c1e-9a0c-7d8e9f0a1b2c';
const PATIENT = '6f1c2f0e-7d3a-4a8e-9a35-2d4b1c0e8f11';

/** A real hash chain of the kinds of entries the desk writes. */
function chain(entries: Entry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  entries.forEach((e, i) => {
    const rest: Omit<AuditRow, 'hash'> = {
      seq: i + 1,
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      at: new Date(Date.UTC(2026, 10, 25, 9, 0, i)).toISOString(),
      staff_id: e.staff_id,
      branch_code: 'ALA-01',
      action: e.action,
      entity_type: e.entity_type,
      entity_id: e.entity_id,
      details: JSON.stringify(e.details ?? {}),
      prev_hash: rows.at(-1)?.hash ?? GENESIS_HASH,
    };
    rows.push({ ...rest, hash: hashAuditRow(rest) });
  });
  return rows;
}

const ROWS = chain([
  { action: 'setup.completed', staff_id: STAFF, entity_type: 'branch', entity_id: 'ALA-01' },
  { action: 'staff.created', staff_id: STAFF, entity_type: 'staff', entity_id: STAFF, details: { role: 'admin' } },
  { action: 'auth.loginFailed', staff_id: null, entity_type: null, entity_id: null, details: { reason: 'credentials' } },
  { action: 'patient.created', staff_id: STAFF, entity_type: 'patient', entity_id: PATIENT, details: { duplicateOverride: true, candidates: 2 } },
  { action: 'patient.viewed', staff_id: STAFF, entity_type: 'patient', entity_id: PATIENT },
  { action: 'patient.updated', staff_id: STAFF, entity_type: 'patient', entity_id: PATIENT, details: { fields: 'phone,address', version: 2, note: '', flag: null } },
  { action: 'consent.withdrawn', staff_id: STAFF, entity_type: 'consent', entity_id: '9d9b1c1e-0000-4000-8000-000000000001' },
  { action: 'export.run', staff_id: STAFF, entity_type: null, entity_id: 'job-1' },
]);

beforeAll(() => ensureResourceSchemas());

describe('AuditEvent mapping', () => {
  it('codes the action, names staff and branch by identifier and the record by reference', () => {
    const e = auditEventToFhir(ROWS[3]!);
    expect(e).toMatchObject({
      resourceType: 'AuditEvent',
      id: ROWS[3]!.id,
      type: { system: FHIR_SYSTEMS.auditAction, code: 'patient' },
      subtype: [{ system: FHIR_SYSTEMS.auditAction, code: 'patient.created' }],
      action: 'C',
      recorded: ROWS[3]!.at,
      agent: [{ who: { identifier: { system: AUDIT_FHIR.staff, value: STAFF } }, requestor: true }],
      source: { observer: { identifier: { system: AUDIT_FHIR.branch, value: 'ALA-01' } } },
      entity: [{ what: { reference: `Patient/${PATIENT}` }, detail: [{ type: 'duplicateOverride', valueString: 'true' }, { type: 'candidates', valueString: '2' }] }],
      meta: { tag: [{ system: FHIR_SYSTEMS.branch, code: 'ALA-01' }] },
    });
    const chainExt = e.extension?.find((x) => x.url === AUDIT_FHIR.chain)?.extension;
    expect(chainExt).toContainEqual({ url: 'hash', valueString: ROWS[3]!.hash });
    expect(chainExt).toContainEqual({ url: 'prevHash', valueString: ROWS[2]!.hash });
    expect(auditEventToFhir(ROWS[2]!).agent).toEqual([{ who: { identifier: { system: AUDIT_FHIR.branch, value: 'ALA-01' } }, requestor: false }]);
    expect(auditEventToFhir(ROWS[2]!).outcome).toBe('4');
  });

  it('lets the central system re-verify the branch chain from the AuditEvents alone', () => {
    const back = ROWS.map((r) => auditRowFromFhir(JSON.parse(JSON.stringify(auditEventToFhir(r)))));
    expect(back).toEqual(ROWS);
    expect(verifyChain(back.filter((r): r is AuditRow => r !== undefined)).valid).toBe(true);
  });

  it.each(ROWS.map((r) => [r.action, r] as const))('the central server accepts %s', (_a, row) => {
    expect(validationErrors('AuditEvent', auditEventToFhir(row) as unknown as Record<string, unknown>)).toEqual([]);
  });
});

describe('AuditEvent mapping against the full R4 definitions', () => {

  it.each(ROWS.map((r) => [r.action, r] as const))('%s is valid R4 by @medplum/core validateResource', (_a, row) => {
    expect(validator.errors(auditEventToFhir(row))).toEqual([]);
  });
});
