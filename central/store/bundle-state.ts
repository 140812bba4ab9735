import type { SqlClient } from '../db.js';
import type { SyncedType } from '../fhir/resource-types.js';

/**
 * What a transaction needs to know before it writes, read for the whole bundle at once: a few
 * queries per bundle instead of several per resource. Call under the bundle's locks.
 */

/** The state of a resource a bundle writes to, as far as the writing branch is concerned. */
export interface TargetState {
  version: number;
  deleted: boolean;
  patientId: string | null;
  /** The branch sees it: its patient is linked to the branch, or the branch wrote a version. */
  visible: boolean;
  /** A stored version has exactly this client content (a replay). */
  replay: boolean;
  /** lastUpdated of the current version, for a replay's answer. */
  lastUpdated: string;
}

export async function targetStates(
  sql: SqlClient,
  branch: string,
  targets: readonly { type: SyncedType; id: string; hash: string }[],
): Promise<Map<string, TargetState>> {
  if (targets.length === 0) return new Map();
  const rows = await sql.query<{
    type: string;
    id: string;
    version: number;
    deleted: boolean;
    patient_id: string | null;
    visible: boolean;
    replay: boolean;
    last_updated: string | null;
  }>(
    `SELECT c.type, c.id, c.version, c.deleted, c.patient_id,
            (EXISTS (SELECT 1 FROM branch_patient bp WHERE bp.branch = $2 AND bp.patient_id = c.patient_id)
             OR EXISTS (SELECT 1 FROM resource_version v WHERE v.branch = $2 AND v.type = c.type AND v.id = c.id)) AS visible,
            EXISTS (SELECT 1 FROM resource_version v
                     WHERE v.type = c.type AND v.id = c.id AND v.content_hash = k.hash AND NOT v.deleted) AS replay,
            cv.content->'meta'->>'lastUpdated' AS last_updated
       FROM jsonb_to_recordset($1::jsonb) AS k(type text, id text, hash text)
       JOIN resource_current c ON c.type = k.type AND c.id = k.id
       JOIN resource_version cv ON cv.type = c.type AND cv.id = c.id AND cv.version = c.version`,
    [JSON.stringify(targets), branch],
  );
  return new Map(
    rows.map((r) => [
      `${r.type}/${r.id}`,
      {
        version: r.version,
        deleted: r.deleted,
        patientId: r.patient_id,
        visible: r.visible,
        replay: r.replay,
        lastUpdated: r.last_updated ?? '',
      },
    ]),
  );
}

/** Patients that records of the bundle belong to: whether each exists, is deleted, is linked. */
export async function patientStates(
  sql: SqlClient,
  branch: string,
  ids: readonly string[],
): Promise<Map<string, { deleted: boolean; linked: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; deleted: boolean; linked: boolean }>(
    `SELECT c.id, c.deleted,
            EXISTS (SELECT 1 FROM branch_patient bp WHERE bp.branch = $2 AND bp.patient_id = c.id) AS linked
       FROM resource_current c
      WHERE c.type = 'Patient' AND c.id = ANY($1::text[])`,
    [[...new Set(ids)], branch],
  );
  return new Map(rows.map((r) => [r.id, { deleted: r.deleted, linked: r.linked }]));
}

export interface IdentifierHolding {
  system: string;
  value: string;
  patientId: string;
  isUnique: boolean;
}

/** Current patients holding any of these identifier values (any system). */
export async function identifierHoldings(sql: SqlClient, values: readonly string[]): Promise<IdentifierHolding[]> {
  if (values.length === 0) return [];
  const rows = await sql.query<{ system: string; value: string; patient_id: string; is_unique: boolean }>(
    `SELECT system, value, patient_id, is_unique FROM patient_identifier
      WHERE value = ANY($1::text[]) ORDER BY patient_id`,
    [[...new Set(values)]],
  );
  return rows.map((r) => ({ system: r.system, value: r.value, patientId: r.patient_id, isUnique: r.is_unique }));
}
