import { FHIR_SYSTEMS } from '../fhir/systems.js';
import { openConflict } from './conflicts.js';
import { failureOfHttp, send, type EngineDeps, type Failure } from './failures.js';
import { markConflict, markFailed } from './queue.js';
import type { BatchItem } from './upload.js';
import { contentHash, searchsetSchema, versionFromEtag, wireResourceSchema, type WireOutcome, type WireResource } from './wire.js';

export type EntryResult = { failed: number; conflicts: number } | { failure: Failure };

const FAILED = { failed: 1, conflicts: 0 } as const;
const CONFLICT = { failed: 0, conflicts: 1 } as const;

function fail(deps: EngineDeps, item: BatchItem, reason: string): EntryResult {
  deps.db.transaction(() => markFailed(deps.db, item.seq, reason))();
  return FAILED;
}

/** Why the central system refused an entry, as a key for the failed-items screen. */
function reasonOf(status: number): string {
  if (status === 400) return 'invalid';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'missingAtCentral';
  if (status === 410) return 'deletedAtCentral';
  if (status === 422) return 'patientNotAtCentral';
  return 'rejected';
}

async function readCurrent(deps: EngineDeps, item: BatchItem): Promise<{ resource: WireResource; version: string } | { status: number } | { failure: Failure }> {
  const r = await send(deps, 'GET', `${item.type}/${encodeURIComponent(item.id)}`);
  if (!r.ok) return { failure: r.failure };
  if (r.res.status === 404 || r.res.status === 410) return { status: r.res.status };
  const parsed = wireResourceSchema.safeParse(r.res.body);
  const version = parsed.success ? (parsed.data.meta?.versionId ?? versionFromEtag(r.res.etag)) : null;
  if (r.res.status !== 200 || !parsed.success || parsed.data.id !== item.id || parsed.data.resourceType !== item.type || !version) {
    return { failure: r.res.status === 200 ? { kind: 'server', code: 'response.invalid', retryAfterMs: null } : failureOfHttp(r.res, deps.clock.now().getTime()) };
  }
  return { resource: parsed.data, version };
}

/**
 * 412: the central version moved. If what it holds now is one of our own earlier uploads
 * (its answer was lost, then the record changed here), that version is simply recorded and
 * the upload retried with If-Match. Otherwise someone else changed it: both sides go to the
 * conflict queue and nothing is overwritten.
 */
async function versionConflict(deps: EngineDeps, item: BatchItem): Promise<EntryResult> {
  const cur = await readCurrent(deps, item);
  if ('failure' in cur) return cur;
  if ('status' in cur) return fail(deps, item, reasonOf(cur.status));
  const ours = (deps.db.prepare('SELECT content_hash FROM sync_attempt WHERE resource_type = ? AND resource_id = ?').all(item.type, item.id) as { content_hash: string }[]).map(
    (r) => r.content_hash,
  );
  const at = deps.clock.now().toISOString();
  if (ours.includes(contentHash(cur.resource))) {
    deps.db.transaction(() => {
      deps.builders[item.type]?.recordVersion({ db: deps.db, branchCode: deps.branchCode(), patients: deps.patients }, item.id, cur.version);
      deps.db.prepare('DELETE FROM sync_attempt WHERE resource_type = ? AND resource_id = ?').run(item.type, item.id);
    })();
    return { failed: 0, conflicts: 0 };
  }
  deps.db.transaction(() => {
    openConflict(deps.db, {
      kind: 'version',
      resourceType: item.type,
      resourceId: item.id,
      outboxSeq: item.seq,
      local: item.built.resource,
      localVersion: item.type === 'Patient' ? (deps.patients.get(item.id)?.version ?? null) : null,
      remoteId: item.id,
      remote: cur.resource,
      remoteVersion: cur.version,
      at,
    });
    markConflict(deps.db, item.seq, 'conflict.version');
  })();
  return CONFLICT;
}

/**
 * 409 duplicate: another branch registered the same IIN first. The central record is looked
 * up by IIN (which lets this branch see it, and is audited here and there) so staff can
 * compare the two and decide; this patient's upload waits in the conflict queue meanwhile.
 */
async function duplicate(deps: EngineDeps, item: BatchItem): Promise<EntryResult> {
  const iin = item.built.resource.resourceType === 'Patient' ? item.built.resource.identifier?.find((i) => i.system === FHIR_SYSTEMS.iin)?.value : undefined;
  if (!iin) return fail(deps, item, 'duplicate');
  const r = await send(deps, 'GET', `Patient?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.iin}|${iin}`)}`);
  if (!r.ok) return { failure: r.failure };
  if (r.res.status !== 200) return { failure: failureOfHttp(r.res, deps.clock.now().getTime()) };
  const bundle = searchsetSchema.safeParse(r.res.body);
  if (!bundle.success) return { failure: { kind: 'server', code: 'response.invalid', retryAfterMs: null } };
  const matches = (bundle.data.entry ?? []).flatMap((e) => (e.resource?.resourceType === 'Patient' && e.search?.mode !== 'include' ? [e.resource] : []));
  const at = deps.clock.now().toISOString();
  const [match] = matches;
  deps.db.transaction(() => {
    deps.audit.append({ action: 'patient.lookedUpCentrally', staffId: null, entityType: 'patient', entityId: item.id, details: { reason: 'duplicate', found: matches.length } });
    if (matches.length !== 1 || !match) {
      markFailed(deps.db, item.seq, 'duplicate');
      return;
    }
    openConflict(deps.db, {
      kind: 'duplicate',
      resourceType: 'Patient',
      resourceId: item.id,
      outboxSeq: item.seq,
      local: item.built.resource,
      localVersion: deps.patients.get(item.id)?.version ?? null,
      remoteId: match.id,
      remote: match,
      remoteVersion: match.meta?.versionId ?? null,
      at,
    });
    markConflict(deps.db, item.seq, 'conflict.duplicate');
  })();
  return matches.length === 1 ? CONFLICT : FAILED;
}

/**
 * One entry of a transaction was refused (the OperationOutcome names it), so the central
 * system rolled the whole transaction back. This entry is set aside; the engine resends the
 * rest at once. Consents and audit entries are append-only and never conflict: if one is
 * refused anyway it goes to the failed list with the reason.
 */
export async function handleEntryProblem(deps: EngineDeps, item: BatchItem, status: number, outcome: WireOutcome): Promise<EntryResult> {
  const code = outcome.issue[0]?.code;
  if (item.type === 'Patient' && status === 409 && code === 'duplicate') return duplicate(deps, item);
  if (item.type === 'Patient' && status === 412) return versionConflict(deps, item);
  if (status === 409 || status === 412) return fail(deps, item, 'conflict');
  return fail(deps, item, reasonOf(status));
}
