import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database.js';

/**
 * The conflict queue: when the central version has moved (412, or a newer version pulled
 * while a local change waits) or a second branch registered the same IIN (409), nothing is
 * overwritten. Both versions are kept here, as FHIR JSON, until a person chooses.
 */
export type ConflictKind = 'version' | 'duplicate';
export type Resolution = 'local' | 'remote' | 'merge';

export interface ConflictRecord {
  id: string;
  kind: ConflictKind;
  resourceType: string;
  resourceId: string;
  outboxSeq: number | null;
  local: Record<string, unknown>;
  localVersion: number | null;
  /** For a duplicate, the central record that holds the identifier; otherwise the same id. */
  remoteId: string | null;
  remote: Record<string, unknown> | null;
  remoteVersion: string | null;
  detectedAt: string;
  status: 'open' | 'resolved';
  resolution: Resolution | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

interface Row {
  id: string;
  kind: ConflictKind;
  resource_type: string;
  resource_id: string;
  outbox_seq: number | null;
  local_json: string;
  local_version: number | null;
  remote_id: string | null;
  remote_json: string | null;
  remote_version: string | null;
  detected_at: string;
  status: 'open' | 'resolved';
  resolution: Resolution | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

function fromRow(r: Row): ConflictRecord {
  return {
    id: r.id,
    kind: r.kind,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    outboxSeq: r.outbox_seq,
    local: JSON.parse(r.local_json) as Record<string, unknown>,
    localVersion: r.local_version,
    remoteId: r.remote_id,
    remote: r.remote_json ? (JSON.parse(r.remote_json) as Record<string, unknown>) : null,
    remoteVersion: r.remote_version,
    detectedAt: r.detected_at,
    status: r.status,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
}

export interface NewConflict {
  kind: ConflictKind;
  resourceType: string;
  resourceId: string;
  outboxSeq: number | null;
  local: unknown;
  localVersion: number | null;
  remoteId: string | null;
  remote: unknown;
  remoteVersion: string | null;
  at: string;
}

/**
 * Opens a conflict, or refreshes the open one for the same resource with the newer sides
 * (the central record may move again while staff have not decided yet). Returns its id.
 */
export function openConflict(db: Db, c: NewConflict): string {
  const existing = db.prepare("SELECT id FROM sync_conflict WHERE resource_type = ? AND resource_id = ? AND status = 'open'").get(c.resourceType, c.resourceId) as { id: string } | undefined;
  const params = {
    kind: c.kind,
    type: c.resourceType,
    rid: c.resourceId,
    seq: c.outboxSeq,
    local: JSON.stringify(c.local),
    lv: c.localVersion,
    remoteId: c.remoteId,
    remote: c.remote === null ? null : JSON.stringify(c.remote),
    rv: c.remoteVersion,
    at: c.at,
  };
  if (existing) {
    db.prepare(
      `UPDATE sync_conflict SET kind = @kind, outbox_seq = coalesce(@seq, outbox_seq), local_json = @local, local_version = @lv,
         remote_id = @remoteId, remote_json = @remote, remote_version = @rv WHERE id = @id`,
    ).run({ ...params, id: existing.id });
    return existing.id;
  }
  const id = randomUUID();
  db.prepare(
    `INSERT INTO sync_conflict (id, kind, resource_type, resource_id, outbox_seq, local_json, local_version, remote_id, remote_json, remote_version, detected_at)
     VALUES (@id, @kind, @type, @rid, @seq, @local, @lv, @remoteId, @remote, @rv, @at)`,
  ).run({ ...params, id });
  return id;
}

export function getConflict(db: Db, id: string): ConflictRecord | undefined {
  const r = db.prepare('SELECT * FROM sync_conflict WHERE id = ?').get(id) as Row | undefined;
  return r && fromRow(r);
}

export function listOpenConflicts(db: Db, limit: number): ConflictRecord[] {
  return (db.prepare("SELECT * FROM sync_conflict WHERE status = 'open' ORDER BY detected_at, id LIMIT ?").all(limit) as Row[]).map(fromRow);
}

export function markResolved(db: Db, id: string, resolution: Resolution, at: string, by: string | null): void {
  db.prepare("UPDATE sync_conflict SET status = 'resolved', resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ? AND status = 'open'").run(resolution, at, by, id);
}

/** `Type/id` of every resource with an open conflict: its uploads wait until it is resolved. */
export function resourcesInConflict(db: Db): Set<string> {
  const rows = db.prepare("SELECT resource_type, resource_id FROM sync_conflict WHERE status = 'open'").all() as { resource_type: string; resource_id: string }[];
  return new Set(rows.map((r) => `${r.resource_type}/${r.resource_id}`));
}

/**
 * Patients whose record is not at the central system because another branch holds their IIN:
 * anything about them (audit entries, consents) waits too, or the central system would
 * refuse it for a patient it does not have.
 */
export function patientsHeldByDuplicate(db: Db): Set<string> {
  const rows = db.prepare("SELECT resource_id FROM sync_conflict WHERE status = 'open' AND kind = 'duplicate' AND resource_type = 'Patient'").all() as { resource_id: string }[];
  return new Set(rows.map((r) => r.resource_id));
}
