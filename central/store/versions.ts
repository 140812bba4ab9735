import { FHIR_SYSTEMS } from '../../electron/core/fhir/systems.js';
import { toSeq, type SqlClient } from '../db.js';
import { contentHash, withoutServerMeta } from '../fhir/canonical.js';
import { compartmentPatient, type SyncedType } from '../fhir/resource-types.js';

/** One stored version, with the server's meta (versionId, lastUpdated) in its content. */
export interface StoredVersion {
  type: SyncedType;
  id: string;
  version: number;
  content: Record<string, unknown>;
  deleted: boolean;
  lastUpdated: string;
}

export interface CurrentVersion {
  version: number;
  deleted: boolean;
  patientId: string | null;
}

interface VersionRow extends Record<string, unknown> {
  type: SyncedType;
  id: string;
  version: number;
  content: Record<string, unknown>;
  deleted: boolean;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function toStoredVersion(row: VersionRow): StoredVersion {
  const lastUpdated = asRecord(row.content.meta).lastUpdated;
  // jsonb keeps keys in its own order; FHIR JSON is read more easily with resourceType first.
  const content = { resourceType: row.type, ...row.content };
  return {
    type: row.type,
    id: row.id,
    version: row.version,
    content,
    deleted: row.deleted,
    lastUpdated: typeof lastUpdated === 'string' ? lastUpdated : '',
  };
}

/**
 * Takes the write lock (the change clock's row) for the rest of the transaction. Every write
 * transaction calls this first, before reading what it is about to change, so that its reads
 * see everything committed by the writer before it.
 */
export async function lockWrites(tx: SqlClient): Promise<void> {
  await tx.query('SELECT last FROM change_clock WHERE id = 1 FOR UPDATE');
}

export async function nextSeq(tx: SqlClient): Promise<number> {
  const [row] = await tx.query<{ last: unknown }>('UPDATE change_clock SET last = last + 1 WHERE id = 1 RETURNING last');
  return toSeq(row?.last);
}

export async function currentOf(sql: SqlClient, type: SyncedType, id: string): Promise<CurrentVersion | undefined> {
  const [row] = await sql.query<{ version: number; deleted: boolean; patient_id: string | null }>(
    'SELECT version, deleted, patient_id FROM resource_current WHERE type = $1 AND id = $2',
    [type, id],
  );
  return row ? { version: row.version, deleted: row.deleted, patientId: row.patient_id } : undefined;
}

/** A version of a resource; the current one when `version` is omitted. */
export async function readVersion(
  sql: SqlClient,
  type: SyncedType,
  id: string,
  version?: number,
): Promise<StoredVersion | undefined> {
  const rows =
    version === undefined
      ? await sql.query<VersionRow>(
          `SELECT v.type, v.id, v.version, v.content, v.deleted
             FROM resource_current c
             JOIN resource_version v ON v.type = c.type AND v.id = c.id AND v.version = c.version
            WHERE c.type = $1 AND c.id = $2`,
          [type, id],
        )
      : await sql.query<VersionRow>(
          `SELECT type, id, version, content, deleted FROM resource_version WHERE type = $1 AND id = $2 AND version = $3`,
          [type, id, version],
        );
  return rows[0] ? toStoredVersion(rows[0]) : undefined;
}

/** The version whose client content hashes to `hash`, if one was ever stored. */
export async function versionWithHash(
  sql: SqlClient,
  type: SyncedType,
  id: string,
  hash: string,
): Promise<number | undefined> {
  const [row] = await sql.query<{ version: number }>(
    'SELECT version FROM resource_version WHERE type = $1 AND id = $2 AND content_hash = $3 AND NOT deleted LIMIT 1',
    [type, id, hash],
  );
  return row?.version;
}

export interface NewVersion {
  type: SyncedType;
  id: string;
  /** The resource as the client (or the central editor) wrote it; server meta is replaced. */
  resource: Record<string, unknown>;
  /** The writing branch; null for an edit made at the central system. */
  branch: string | null;
  deleted?: boolean;
  now: Date;
}

/** Values of the identifier systems on which one value may belong to one patient only. */
export function uniqueIdentifiers(resource: Record<string, unknown>): { system: string; value: string }[] {
  return patientIdentifiers(resource).filter((i) => i.system === FHIR_SYSTEMS.iin);
}

function patientIdentifiers(resource: Record<string, unknown>): { system: string; value: string }[] {
  const list = resource.identifier;
  if (!Array.isArray(list)) return [];
  const out: { system: string; value: string }[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { system, value } = item as Record<string, unknown>;
    if (typeof system === 'string' && typeof value === 'string') out.push({ system, value });
  }
  return out;
}

async function reindexPatient(tx: SqlClient, id: string, resource: Record<string, unknown>, deleted: boolean) {
  await tx.query('DELETE FROM patient_identifier WHERE patient_id = $1', [id]);
  if (deleted) return;
  for (const { system, value } of patientIdentifiers(resource)) {
    // The conflict target names the primary key only, so a second patient with the same IIN
    // still violates the partial unique index and fails the transaction.
    await tx.query(
      `INSERT INTO patient_identifier (system, value, patient_id, is_unique) VALUES ($1, $2, $3, $4)
       ON CONFLICT (system, value, patient_id) DO NOTHING`,
      [system, value, id, system === FHIR_SYSTEMS.iin],
    );
  }
}

/**
 * Stores the next version of a resource and delivers it to the feed of every branch that sees
 * it (the branches linked to its patient, and the writer). Call within a transaction that has
 * taken `lockWrites`.
 */
export async function storeVersion(tx: SqlClient, v: NewVersion): Promise<StoredVersion> {
  const current = await currentOf(tx, v.type, v.id);
  const version = (current?.version ?? 0) + 1;
  const lastUpdated = v.now.toISOString();
  const clientContent = withoutServerMeta(v.resource);
  const hash = contentHash(clientContent);
  const meta = { ...asRecord(clientContent.meta), versionId: String(version), lastUpdated };
  const content = { ...clientContent, id: v.id, meta };
  const deleted = v.deleted ?? false;
  // A tombstone has no content to take the patient from; it stays in the same compartment.
  const patientId = deleted ? (current?.patientId ?? null) : (compartmentPatient(v.type, content) ?? null);
  const seq = await nextSeq(tx);

  await tx.query(
    `INSERT INTO resource_version (type, id, version, content, content_hash, branch, deleted, patient_id, updated_at, seq)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10)`,
    [v.type, v.id, version, JSON.stringify(content), hash, v.branch, deleted, patientId, lastUpdated, seq],
  );
  await tx.query(
    `INSERT INTO resource_current (type, id, version, deleted, patient_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (type, id) DO UPDATE SET version = $3, deleted = $4, patient_id = $5`,
    [v.type, v.id, version, deleted, patientId],
  );
  if (v.type === 'Patient') await reindexPatient(tx, v.id, content, deleted);
  // Who receives the version: the branches that see its patient and the writer; a deletion
  // goes to every branch that ever received the resource, so that no copy outlives it.
  await tx.query(
    `INSERT INTO branch_feed (branch, seq, type, id, version)
     SELECT b.branch, $1::bigint, $2::text, $3::text, $4::int FROM (
       SELECT branch FROM branch_patient WHERE patient_id = $5
       UNION SELECT $6::text WHERE $6::text IS NOT NULL
       UNION SELECT branch FROM branch_feed WHERE $7::boolean AND type = $2 AND id = $3
     ) b`,
    [seq, v.type, v.id, version, patientId, v.branch, deleted],
  );
  return { type: v.type, id: v.id, version, content, deleted, lastUpdated };
}
