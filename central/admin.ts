import type { Clock } from '../electron/core/clock.js';
import type { SqlClient } from './db.js';
import { operationOutcome, FhirError, fhirError } from './fhir/outcome.js';
import type { SyncedType } from './fhir/resource-types.js';
import { validationErrors } from './fhir/validate.js';
import { compartmentPatient } from './fhir/resource-types.js';
import { lockKeys, lockWithResolved, resourceKey, writeTransaction } from './store/locks.js';
import { readVersion, storeVersion } from './store/versions.js';

export interface AccessLogRow {
  at: string;
  branch: string;
  action: string;
  identifierSystem: string | null;
  patientId: string | null;
  matchCount: number;
}

/**
 * Operations of the central system itself, for tests and for tools run beside the server
 * (never exposed over HTTP). Edits and deletions here are made by no branch: they reach the
 * branches through `_history` like any other change.
 */
export interface CentralAdmin {
  /** Current, not deleted resources of a type. */
  countResources(type: SyncedType): Promise<number>;
  /** Stored versions of one resource (deletions included). */
  countVersions(type: SyncedType, id: string): Promise<number>;
  /** The current content, or undefined if missing or deleted. */
  read(type: SyncedType, id: string): Promise<Record<string, unknown> | undefined>;
  /** An edit at the central system (e.g. the data-protection officer correcting a record). */
  editResource(
    type: SyncedType,
    id: string,
    edit: (current: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<{ version: number }>;
  /** Deletes at the central system (e.g. an erasure request); branches receive a DELETE. */
  deleteResource(type: SyncedType, id: string): Promise<{ version: number }>;
  /** Branches that see a patient. */
  branchesSeeing(patientId: string): Promise<string[]>;
  accessLog(): Promise<AccessLogRow[]>;
}

export function createAdmin(sql: SqlClient, clock: Clock): CentralAdmin {
  async function change(type: SyncedType, id: string, next: (current: Record<string, unknown>) => Record<string, unknown> | 'delete') {
    return writeTransaction(sql, async (tx) => {
      // The resource and the patient it belongs to (store/locks.ts), before reading it again.
      const current = await lockWithResolved(
        tx,
        [resourceKey(type, id)],
        () => readVersion(tx, type, id),
        (v) => {
          const patientId = v && compartmentPatient(type, v.content);
          return patientId ? [resourceKey('Patient', patientId)] : [];
        },
      );
      if (!current || current.deleted) throw fhirError(404, 'not-found', `${type}/${id} not found`);
      const result = next(structuredClone(current.content));
      if (result === 'delete') {
        const stored = await storeVersion(tx, {
          type,
          id,
          resource: { resourceType: type, id },
          branch: null,
          deleted: true,
          now: clock.now(),
        });
        return { version: stored.version };
      }
      const errors = validationErrors(type, result);
      if (errors.length > 0) throw new FhirError(400, operationOutcome(errors));
      // An edit that moves the record to another patient also needs that patient's lock.
      const movedTo = compartmentPatient(type, { ...result, id });
      if (movedTo) await lockKeys(tx, [resourceKey('Patient', movedTo)]);
      const stored = await storeVersion(tx, { type, id, resource: result, branch: null, now: clock.now() });
      return { version: stored.version };
    });
  }

  return {
    async countResources(type) {
      const [row] = await sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM resource_current WHERE type = $1 AND NOT deleted',
        [type],
      );
      return row?.n ?? 0;
    },
    async countVersions(type, id) {
      const [row] = await sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM resource_version WHERE type = $1 AND id = $2',
        [type, id],
      );
      return row?.n ?? 0;
    },
    async read(type, id) {
      const v = await readVersion(sql, type, id);
      return v && !v.deleted ? v.content : undefined;
    },
    editResource: (type, id, edit) => change(type, id, edit),
    deleteResource: (type, id) => change(type, id, () => 'delete'),
    async branchesSeeing(patientId) {
      const rows = await sql.query<{ branch: string }>(
        'SELECT branch FROM branch_patient WHERE patient_id = $1 ORDER BY branch',
        [patientId],
      );
      return rows.map((r) => r.branch);
    },
    async accessLog() {
      const rows = await sql.query<{
        at: string;
        branch: string;
        action: string;
        identifier_system: string | null;
        patient_id: string | null;
        match_count: number;
      }>(
        `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, branch, action,
                identifier_system, patient_id, match_count
           FROM access_log ORDER BY id`,
      );
      return rows.map((r) => ({
        at: r.at,
        branch: r.branch,
        action: r.action,
        identifierSystem: r.identifier_system,
        patientId: r.patient_id,
        matchCount: r.match_count,
      }));
    },
  };
}
