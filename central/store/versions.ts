import { FHIR_SYSTEMS } from '../../electron/core/fhir/systems.js';
import type { SqlClient } from '../db.js';
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

/** What `storeVersions` wrote for one resource. */
interface Prepared {
  type: SyncedType;
  id: string;
  version: number;
  content: Record<string, unknown>;
  hash: string;
  branch: string | null;
  deleted: boolean;
  patientId: string | null;
  lastUpdated: string;
}

function prepare(v: NewVersion, current: CurrentVersion | undefined): Prepared {
  const version = (current?.version ?? 0) + 1;
  const lastUpdated = v.now.toISOString();
  const clientContent = withoutServerMeta(v.resource);
  const meta = { ...asRecord(clientContent.meta), versionId: String(version), lastUpdated };
  const content = { ...clientContent, id: v.id, meta };
  const deleted = v.deleted ?? false;
  // A tombstone has no content to take the patient from; it stays in the same compartment.
  const patientId = deleted ? (current?.patientId ?? null) : (compartmentPatient(v.type, content) ?? null);
  return { type: v.type, id: v.id, version, content, hash: contentHash(clientContent), branch: v.branch, deleted, patientId, lastUpdated };
}

/** Current versions of many resources in one query; missing ones are absent from the map. */
export async function currentVersions(
  sql: SqlClient,
  keys: readonly { type: SyncedType; id: string }[],
): Promise<Map<string, CurrentVersion>> {
  if (keys.length === 0) return new Map();
  const rows = await sql.query<{ type: string; id: string; version: number; deleted: boolean; patient_id: string | null }>(
    `SELECT c.type, c.id, c.version, c.deleted, c.patient_id
       FROM jsonb_to_recordset($1::jsonb) AS k(type text, id text)
       JOIN resource_current c ON c.type = k.type AND c.id = k.id`,
    [JSON.stringify(keys)],
  );
  return new Map(rows.map((r) => [`${r.type}/${r.id}`, { version: r.version, deleted: r.deleted, patientId: r.patient_id }]));
}

/**
 * Stores the next version of each resource and delivers it to the feed of every branch that
 * sees it (the branches linked to its patient, and the writer; a deletion also reaches every
 * branch that ever received the resource, so that no copy outlives it). A whole bundle costs
 * a handful of statements, whatever its size: one read of the current versions (unless the
 * caller passes them), one insert of the versions and their feed entries, one upsert of the
 * current versions, and two for the patients' identifiers. Each resource may appear once.
 * Call within a transaction that holds the locks of `locks.ts` for these resources and their
 * patients, after linking any new patient to its branch.
 */
export async function storeVersions(
  tx: SqlClient,
  versions: readonly NewVersion[],
  known?: ReadonlyMap<string, CurrentVersion | undefined>,
): Promise<StoredVersion[]> {
  if (versions.length === 0) return [];
  const current = known ?? (await currentVersions(tx, versions));
  const rows = versions.map((v) => prepare(v, current.get(`${v.type}/${v.id}`)));
  const input = JSON.stringify(
    rows.map((r) => ({ type: r.type, id: r.id, version: r.version, c: r.content, hash: r.hash, branch: r.branch, deleted: r.deleted, patientId: r.patientId, lastUpdated: r.lastUpdated })),
  );
  // Versions, then their feed entries, in one statement (foreign keys are checked at its end).
  // ORDER BY ord keeps the bundle's order in the sequence numbers: a patient before its records.
  await tx.query(
    `WITH input AS (
       SELECT r.type, r.id, r.version, r.c AS content, r.hash, r.branch, r.deleted, r."patientId" AS patient_id,
              r."lastUpdated"::timestamptz AS updated_at, e.ord
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, ord),
              jsonb_to_record(e.j) AS r(type text, id text, version int, c jsonb, hash text, branch text, deleted boolean,
                                        "patientId" text, "lastUpdated" text)
     ), stored AS (
       INSERT INTO resource_version (type, id, version, content, content_hash, branch, deleted, patient_id, updated_at, seq)
       SELECT type, id, version, content, hash, branch, deleted, patient_id, updated_at, nextval('change_seq')
         FROM (SELECT * FROM input ORDER BY ord) AS ordered
       RETURNING type, id, version, branch, deleted, patient_id, seq
     )
     INSERT INTO branch_feed (branch, seq, type, id, version)
     SELECT DISTINCT b.branch, s.seq, s.type, s.id, s.version
       FROM stored s
       CROSS JOIN LATERAL (
         SELECT bp.branch FROM branch_patient bp WHERE bp.patient_id = s.patient_id
         UNION SELECT s.branch WHERE s.branch IS NOT NULL
         UNION SELECT f.branch FROM branch_feed f WHERE s.deleted AND f.type = s.type AND f.id = s.id
       ) AS b`,
    [input],
  );
  await tx.query(
    `INSERT INTO resource_current (type, id, version, deleted, patient_id)
     SELECT r.type, r.id, r.version, r.deleted, r."patientId"
       FROM jsonb_to_recordset($1::jsonb) AS r(type text, id text, version int, deleted boolean, "patientId" text)
     ON CONFLICT (type, id) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted, patient_id = EXCLUDED.patient_id`,
    [JSON.stringify(rows.map(({ type, id, version, deleted, patientId }) => ({ type, id, version, deleted, patientId })))],
  );
  await reindexPatients(tx, rows.filter((r) => r.type === 'Patient'));
  return rows.map((r) => ({ type: r.type, id: r.id, version: r.version, content: r.content, deleted: r.deleted, lastUpdated: r.lastUpdated }));
}

/** One version; see `storeVersions`. */
export async function storeVersion(tx: SqlClient, v: NewVersion): Promise<StoredVersion> {
  const [stored] = await storeVersions(tx, [v]);
  if (!stored) throw new Error('unreachable: a stored version is returned for each input');
  return stored;
}

/** The identifier index of the current patients: replaced for each patient written. */
async function reindexPatients(tx: SqlClient, patients: readonly Prepared[]): Promise<void> {
  if (patients.length === 0) return;
  await tx.query('DELETE FROM patient_identifier WHERE patient_id = ANY($1::text[])', [patients.map((p) => p.id)]);
  const identifiers = patients.flatMap((p) =>
    p.deleted ? [] : patientIdentifiers(p.content).map((i) => ({ ...i, patientId: p.id, isUnique: i.system === FHIR_SYSTEMS.iin })),
  );
  if (identifiers.length === 0) return;
  // The conflict target names the primary key only, so a second patient with the same IIN
  // still violates the partial unique index and fails the transaction.
  await tx.query(
    `INSERT INTO patient_identifier (system, value, patient_id, is_unique)
     SELECT DISTINCT i.system, i.value, i."patientId", i."isUnique"
       FROM jsonb_to_recordset($1::jsonb) AS i(system text, value text, "patientId" text, "isUnique" boolean)
     ON CONFLICT (system, value, patient_id) DO NOTHING`,
    [JSON.stringify(identifiers)],
  );
}
