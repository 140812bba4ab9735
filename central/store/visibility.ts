import { toSeq, type SqlClient } from '../db.js';
import type { SyncedType } from '../fhir/resource-types.js';
import { nextSeq, toStoredVersion, type StoredVersion } from './versions.js';

/** Why a branch may see a patient; kept with the link for the data-protection officer. */
export type LinkReason = 'registered' | 'lookup';

/**
 * Lets a branch see a patient. A new link also puts the current version of each of that
 * patient's resources into the branch's feed, so its next `_history` sync brings what it
 * did not have. Call within a write transaction (`lockWrites`).
 */
export async function linkBranch(
  tx: SqlClient,
  branch: string,
  patientId: string,
  reason: LinkReason,
  now: Date,
): Promise<void> {
  const inserted = await tx.query(
    `INSERT INTO branch_patient (branch, patient_id, reason, linked_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (branch, patient_id) DO NOTHING RETURNING patient_id`,
    [branch, patientId, reason, now.toISOString()],
  );
  if (inserted.length === 0) return;
  const records = await tx.query<{ type: string; id: string; version: number }>(
    `SELECT c.type, c.id, c.version
       FROM resource_current c
       JOIN resource_version v ON v.type = c.type AND v.id = c.id AND v.version = c.version
      WHERE c.patient_id = $1 AND NOT c.deleted
      ORDER BY v.seq`,
    [patientId],
  );
  for (const r of records) {
    await tx.query(
      `INSERT INTO branch_feed (branch, seq, type, id, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (branch, type, id, version) DO NOTHING`,
      [branch, await nextSeq(tx), r.type, r.id, r.version],
    );
  }
}

/**
 * Whether a branch may see a resource: it belongs to a patient linked to the branch, or the
 * branch wrote one of its versions itself.
 */
export async function canSee(sql: SqlClient, branch: string, type: SyncedType, id: string): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM resource_current c
      WHERE c.type = $2 AND c.id = $3
        AND (EXISTS (SELECT 1 FROM branch_patient bp WHERE bp.branch = $1 AND bp.patient_id = c.patient_id)
          OR EXISTS (SELECT 1 FROM resource_version v WHERE v.branch = $1 AND v.type = c.type AND v.id = c.id))`,
    [branch, type, id],
  );
  return rows.length > 0;
}

export async function isLinked(sql: SqlClient, branch: string, patientId: string): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM branch_patient WHERE branch = $1 AND patient_id = $2', [
    branch,
    patientId,
  ]);
  return rows.length > 0;
}

/** Current, not deleted patients holding an identifier; any system when `system` is undefined. */
export async function patientsByIdentifier(sql: SqlClient, system: string | undefined, value: string): Promise<string[]> {
  const rows =
    system === undefined
      ? await sql.query<{ patient_id: string }>(
          'SELECT DISTINCT patient_id FROM patient_identifier WHERE value = $1 ORDER BY patient_id',
          [value],
        )
      : await sql.query<{ patient_id: string }>(
          'SELECT patient_id FROM patient_identifier WHERE system = $1 AND value = $2 ORDER BY patient_id',
          [system, value],
        );
  return rows.map((r) => r.patient_id);
}

/** The patient other than `exceptId` that already holds this unique identifier, if any. */
export async function holderOfUniqueIdentifier(
  sql: SqlClient,
  system: string,
  value: string,
  exceptId: string,
): Promise<string | undefined> {
  const [row] = await sql.query<{ patient_id: string }>(
    'SELECT patient_id FROM patient_identifier WHERE system = $1 AND value = $2 AND is_unique AND patient_id <> $3',
    [system, value, exceptId],
  );
  return row?.patient_id;
}

export interface AccessLogEntry {
  branch: string;
  action: 'patient-lookup';
  identifierSystem: string | null;
  patientIds: readonly string[];
  now: Date;
}

/** One row per patient found (one row with no patient when nothing matched). */
export async function logAccess(sql: SqlClient, e: AccessLogEntry): Promise<void> {
  const targets = e.patientIds.length > 0 ? e.patientIds : [null];
  for (const patientId of targets) {
    await sql.query(
      `INSERT INTO access_log (at, branch, action, identifier_system, patient_id, match_count)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.now.toISOString(), e.branch, e.action, e.identifierSystem, patientId, e.patientIds.length],
    );
  }
}

export interface FeedItem {
  seq: number;
  version: StoredVersion;
}

/** The branch's changes after `after`, oldest first. */
export async function feedPage(sql: SqlClient, branch: string, after: number, limit: number): Promise<FeedItem[]> {
  const rows = await sql.query<{
    seq: unknown;
    type: SyncedType;
    id: string;
    version: number;
    content: Record<string, unknown>;
    deleted: boolean;
  }>(
    `SELECT f.seq, v.type, v.id, v.version, v.content, v.deleted
       FROM branch_feed f
       JOIN resource_version v ON v.type = f.type AND v.id = f.id AND v.version = f.version
      WHERE f.branch = $1 AND f.seq > $2
      ORDER BY f.seq
      LIMIT $3`,
    [branch, after, limit],
  );
  return rows.map((r) => ({ seq: toSeq(r.seq), version: toStoredVersion(r) }));
}
