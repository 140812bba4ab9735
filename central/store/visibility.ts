import { toSeq, type SqlClient } from '../db.js';
import type { SyncedType } from '../fhir/resource-types.js';
import { toStoredVersion, type StoredVersion } from './versions.js';

/** Why a branch may see a patient; kept with the link for the data-protection officer. */
export type LinkReason = 'registered' | 'lookup';

/**
 * Lets a branch see patients. A new link also puts the current version of each of that
 * patient's resources into the branch's feed, so its next `_history` sync brings what it did
 * not have. One statement for any number of patients. Call within a write transaction that
 * holds the patients' locks (`locks.ts`).
 */
export async function linkBranch(
  tx: SqlClient,
  branch: string,
  patientIds: readonly string[],
  reason: LinkReason,
  now: Date,
): Promise<void> {
  if (patientIds.length === 0) return;
  await tx.query(
    `WITH linked AS (
       INSERT INTO branch_patient (branch, patient_id, reason, linked_at)
       SELECT $1, p, $3, $4 FROM unnest($2::text[]) AS p
       ON CONFLICT (branch, patient_id) DO NOTHING
       RETURNING patient_id
     )
     INSERT INTO branch_feed (branch, seq, type, id, version)
     SELECT $1, nextval('change_seq'), r.type, r.id, r.version
       FROM (SELECT c.type, c.id, c.version
               FROM linked l
               JOIN resource_current c ON c.patient_id = l.patient_id AND NOT c.deleted
               JOIN resource_version v ON v.type = c.type AND v.id = c.id AND v.version = c.version
              ORDER BY v.seq) AS r
     ON CONFLICT (branch, type, id, version) DO NOTHING`,
    [branch, [...new Set(patientIds)], reason, now.toISOString()],
  );
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

/**
 * A position in a branch's feed. The feed is ordered by (writing transaction, seq); cursors
 * handed out before schema version 2 are plain seq numbers, all of transaction 0.
 */
export interface FeedCursor {
  tx: number;
  seq: number;
}

export function parseCursor(text: string): FeedCursor | undefined {
  const match = /^(?:(\d{1,15})\.)?(\d{1,15})$/.exec(text);
  if (!match?.[2]) return undefined;
  return { tx: Number(match[1] ?? 0), seq: Number(match[2]) };
}

export function formatCursor(c: FeedCursor): string {
  return c.tx === 0 ? String(c.seq) : `${c.tx}.${c.seq}`;
}

export interface FeedItem {
  cursor: FeedCursor;
  version: StoredVersion;
}

/**
 * The branch's changes after `after`, oldest first. Only changes of transactions older than
 * the oldest one still running are returned: a transaction still running may commit changes
 * that sort before those of a younger transaction that has already committed, and a reader
 * that passed them would never see them. Waiting for it costs a page's latency, never a change.
 */
export async function feedPage(sql: SqlClient, branch: string, after: FeedCursor, limit: number): Promise<FeedItem[]> {
  const rows = await sql.query<{
    tx: unknown;
    seq: unknown;
    type: SyncedType;
    id: string;
    version: number;
    content: Record<string, unknown>;
    deleted: boolean;
  }>(
    `SELECT f.tx, f.seq, v.type, v.id, v.version, v.content, v.deleted
       FROM branch_feed f
       JOIN resource_version v ON v.type = f.type AND v.id = f.id AND v.version = f.version
      WHERE f.branch = $1 AND (f.tx, f.seq) > ($2::bigint, $3::bigint)
        AND f.tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      ORDER BY f.tx, f.seq
      LIMIT $4`,
    [branch, after.tx, after.seq, limit],
  );
  return rows.map((r) => ({ cursor: { tx: toSeq(r.tx), seq: toSeq(r.seq) }, version: toStoredVersion(r) }));
}
