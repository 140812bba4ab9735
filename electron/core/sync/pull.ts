import { AppError } from '../errors.js';
import { patientFromFhir } from '../fhir/patient.js';
import { changedFields } from '../patients/patient-row.js';
import { openConflict, resourcesInConflict } from './conflicts.js';
import { failureOfHttp, send, type EngineDeps, type Failure } from './failures.js';
import { hasPendingChange } from './queue.js';
import { readSyncState, recordFailure, recordSuccess, setPullCursor } from './state.js';
import { buildContext } from './upload.js';
import { CENTRAL_EXTENSIONS, contentHash, historyBundleSchema, isNewerVersion, versionFromEtag, type WireHistory, type WireResource } from './wire.js';

/**
 * A Consent changed at the central system (for example withdrawn through the website). The
 * consent module implements this and the desk passes it to the SyncService. It runs inside
 * the SQLite transaction of the pull page, so it must be synchronous, must not call the
 * network, and must be idempotent: the branch's own uploads come back through the feed too,
 * and a page is re-applied if the app stops before its cursor is stored.
 */
export interface RemoteConsentHandler {
  applyRemoteConsent(change: { id: string; version: string; resource: WireResource }): void;
}

export type PullOutcome =
  | { kind: 'page'; applied: number; conflicts: number; skipped: number; more: boolean }
  | { kind: 'failure'; failure: Failure };

type Applied = 'applied' | 'conflict' | 'skipped';

/**
 * A newer central version of a patient this branch holds. Applied when nothing is waiting
 * to go up for that patient; otherwise both sides go to the conflict queue. A version that is
 * one of our own uploads whose answer was lost is recognised and only recorded.
 */
function applyPatient(deps: EngineDeps, resource: WireResource, version: string, at: string): Applied {
  const local = deps.patients.get(resource.id);
  if (!local || !isNewerVersion(version, local.remoteVersion)) return 'skipped';
  const parsed = patientFromFhir(resource);
  if (!parsed.ok) return 'skipped';
  const ours = deps.db.prepare("SELECT 1 FROM sync_attempt WHERE resource_type = 'Patient' AND resource_id = ? AND content_hash = ?").get(resource.id, contentHash(resource));
  if (ours) {
    deps.patients.setRemoteVersion(resource.id, version);
    return 'skipped';
  }
  const waiting = hasPendingChange(deps.db, 'Patient', resource.id) || resourcesInConflict(deps.db).has(`Patient/${resource.id}`);
  if (waiting && changedFields(local, parsed.input).length > 0) {
    const built = deps.builders.Patient?.build(buildContext(deps), resource.id);
    openConflict(deps.db, {
      kind: 'version',
      resourceType: 'Patient',
      resourceId: resource.id,
      outboxSeq: null,
      local: built?.resource ?? {},
      localVersion: local.version,
      remoteId: resource.id,
      remote: resource,
      remoteVersion: version,
      at,
    });
    return 'conflict';
  }
  if (!waiting) deps.patients.update(resource.id, local.version, parsed.input, { staffId: null, at }, null, 'remote');
  deps.patients.setRemoteVersion(resource.id, version);
  return 'applied';
}

function nextCursor(bundle: WireHistory, current: string): string {
  const ext = bundle.meta?.extension?.find((e) => e.url === CENTRAL_EXTENSIONS.syncCursor)?.valueString;
  if (ext) return ext;
  const next = bundle.link?.find((l) => l.relation === 'next')?.url;
  const since = next && URL.canParse(next) ? new URL(next).searchParams.get('_since') : null;
  return since ?? current;
}

/**
 * Pulls one page of what changed centrally for this branch (`_history?_since=<cursor>`) and
 * applies it, storing the new cursor in the same transaction. Only the cursor is taken from
 * the response's links: the engine never follows a URL the server sends, so the branch's
 * token only ever goes to the configured server.
 */
export async function pullPage(deps: EngineDeps, count: number, consents: RemoteConsentHandler | null): Promise<PullOutcome> {
  const cursor = readSyncState(deps.db).pullCursor ?? '0';
  const r = await send(deps, 'GET', `_history?_since=${encodeURIComponent(cursor)}&_count=${count}`);
  const at = deps.clock.now().toISOString();
  if (!r.ok) {
    recordFailure(deps.db, r.failure.code, at);
    return { kind: 'failure', failure: r.failure };
  }
  const bundle = r.res.status === 200 ? historyBundleSchema.safeParse(r.res.body) : null;
  if (!bundle?.success) {
    const failure: Failure = r.res.status === 200 ? { kind: 'server', code: 'response.invalid', retryAfterMs: null } : failureOfHttp(r.res, deps.clock.now().getTime());
    recordFailure(deps.db, failure.code, at);
    return { kind: 'failure', failure };
  }
  const counts = { applied: 0, conflicts: 0, skipped: 0 };
  const entries = bundle.data.entry ?? [];
  const next = nextCursor(bundle.data, cursor);
  deps.db.transaction(() => {
    for (const e of entries) {
      const res = e.resource;
      const version = res?.meta?.versionId ?? versionFromEtag(e.response?.etag);
      // Deletions at the central system (erasure) are not applied by the desk yet.
      if (!res || !version || e.request?.method === 'DELETE') {
        counts.skipped++;
        continue;
      }
      let result: Applied;
      try {
        // A savepoint per entry: one the desk cannot apply is skipped without losing the page.
        result = deps.db.transaction((): Applied => {
          if (res.resourceType === 'Patient') return applyPatient(deps, res, version, at);
          if (res.resourceType === 'Consent' && consents) {
            consents.applyRemoteConsent({ id: res.id, version, resource: res });
            return 'applied';
          }
          return 'skipped';
        })();
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result = 'skipped';
      }
      counts[result === 'applied' ? 'applied' : result === 'conflict' ? 'conflicts' : 'skipped']++;
    }
    setPullCursor(deps.db, next);
    recordSuccess(deps.db, at);
  })();
  const more = entries.length > 0 && next !== cursor && (bundle.data.link ?? []).some((l) => l.relation === 'next');
  return { kind: 'page', ...counts, more };
}
