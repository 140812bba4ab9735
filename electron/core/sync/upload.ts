import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import type { BuildContext, BuiltResource } from './builders.js';
import { patientsHeldByDuplicate, resourcesInConflict } from './conflicts.js';
import { handleEntryProblem } from './entry-problems.js';
import { failureOfHttp, send, type EngineDeps, type Failure } from './failures.js';
import type { OutboxResourceType } from './outbox.js';
import { markAttempted, markFailed, markSent, pendingRows } from './queue.js';
import { recordFailure, recordSuccess } from './state.js';
import { contentHash, operationOutcomeSchema, blamedEntry, transactionResponseSchema, versionFromEtag, versionFromLocation } from './wire.js';

/** One queued resource in a batch, with the exact content that was sent. */
export interface BatchItem {
  seq: number;
  type: OutboxResourceType;
  id: string;
  built: BuiltResource;
  hash: string;
}

export type BatchOutcome =
  | { kind: 'idle' }
  | { kind: 'progress'; sent: number; failed: number; conflicts: number; size: number; durationMs: number }
  | { kind: 'failure'; failure: Failure; size: number };

export function buildContext(deps: EngineDeps): BuildContext {
  return { db: deps.db, branchCode: deps.branchCode(), patients: deps.patients };
}

/**
 * The next batch: pending rows in queue order, skipping types without a builder (they stay
 * pending), resources with an open conflict, and anything about a patient the central system
 * does not have yet because of a duplicate. A record deleted locally cannot be sent and is
 * marked failed (`missingLocally`) so it shows on the failed screen instead of blocking.
 */
export function nextBatch(deps: EngineDeps, size: number, maxBytes = Number.POSITIVE_INFINITY): BatchItem[] {
  const ctx = buildContext(deps);
  const types = Object.keys(deps.builders) as OutboxResourceType[];
  const inConflict = resourcesInConflict(deps.db);
  const held = patientsHeldByDuplicate(deps.db);
  const items: BatchItem[] = [];
  const missing: number[] = [];
  let bytes = 0;
  for (const row of pendingRows(deps.db, types)) {
    if (items.length >= size || bytes >= maxBytes) break;
    if (inConflict.has(`${row.resource_type}/${row.resource_id}`)) continue;
    const builder = deps.builders[row.resource_type];
    const built = builder?.build(ctx, row.resource_id);
    if (!built) {
      missing.push(row.seq);
      continue;
    }
    if (built.patientId && held.has(built.patientId)) continue;
    // A byte budget as well as a count: signed PDFs make some resources far larger than others.
    const size1 = Buffer.byteLength(JSON.stringify(built.resource));
    if (items.length > 0 && bytes + size1 > maxBytes) break;
    bytes += size1;
    items.push({ seq: row.seq, type: row.resource_type, id: row.resource_id, built, hash: contentHash(built.resource as unknown as Record<string, unknown>) });
  }
  if (missing.length) deps.db.transaction(() => missing.forEach((seq) => markFailed(deps.db, seq, 'missingLocally')))();
  return mergedFirst(deps, items);
}

const isMergedStub = (it: BatchItem) => it.built.resource.resourceType === 'Patient' && (it.built.resource.link ?? []).some((l) => l.type === 'replaced-by');

/**
 * A local merge moves the IIN from the merged record to the one kept. At the central system
 * the merged record holds it until its own upload (without the IIN) is applied, so that upload
 * is pulled into the same transaction, ahead of the kept record, or the kept record would be
 * refused as a duplicate of our own other record.
 */
function mergedFirst(deps: EngineDeps, items: BatchItem[]): BatchItem[] {
  const survivors = items.filter((it) => it.type === 'Patient').map((it) => it.id);
  if (survivors.length === 0) return items;
  const ctx = buildContext(deps);
  const present = new Set(items.map((it) => `${it.type}/${it.id}`));
  const stubsOf = deps.db.prepare(
    "SELECT o.seq, o.resource_id FROM outbox o JOIN patient p ON p.id = o.resource_id WHERE o.resource_type = 'Patient' AND o.state = 'pending' AND p.status = 'merged' AND p.merged_into = ?",
  );
  const extra: BatchItem[] = [];
  for (const id of survivors) {
    for (const r of stubsOf.all(id) as { seq: number; resource_id: string }[]) {
      if (present.has(`Patient/${r.resource_id}`)) continue;
      const built = deps.builders.Patient?.build(ctx, r.resource_id);
      if (!built) continue;
      present.add(`Patient/${r.resource_id}`);
      extra.push({ seq: r.seq, type: 'Patient', id: r.resource_id, built, hash: contentHash(built.resource as unknown as Record<string, unknown>) });
    }
  }
  const all = [...extra, ...items];
  return [...all.filter(isMergedStub), ...all.filter((it) => !isMergedStub(it))];
}

export function transactionBundle(baseUrl: string, items: readonly BatchItem[]): Bundle {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: items.map(
      (it): BundleEntry => ({
        fullUrl: `${base}/${it.type}/${it.id}`,
        resource: it.built.resource,
        request: { method: 'PUT', url: `${it.type}/${it.id}`, ...(it.built.ifMatch ? { ifMatch: `W/"${it.built.ifMatch}"` } : {}) },
      }),
    ),
  };
}

/** Remembers what is about to be sent, so a lost answer can later be recognised as our own write. */
function recordAttempts(deps: EngineDeps, items: readonly BatchItem[], at: string): void {
  const stmt = deps.db.prepare('INSERT INTO sync_attempt (resource_type, resource_id, content_hash, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  deps.db.transaction(() => items.forEach((it) => stmt.run(it.type, it.id, it.hash, at)))();
}

/**
 * The central system committed the batch: in one local transaction, every row is marked
 * sent and the returned versions are recorded. A row whose record changed while the batch
 * was in flight stays pending (its newer content goes next, with If-Match of the version just
 * stored), which is why the content is built again here and compared.
 */
function acknowledge(deps: EngineDeps, items: readonly BatchItem[], versions: readonly (string | null)[], at: string): { sent: number } {
  const ctx = buildContext(deps);
  let sent = 0;
  deps.db.transaction(() => {
    items.forEach((it, i) => {
      const builder = deps.builders[it.type];
      const version = versions[i] ?? null;
      if (builder && version) builder.recordVersion(ctx, it.id, version);
      const now = builder?.build(ctx, it.id);
      const unchanged = now !== null && now !== undefined && contentHash(now.resource as unknown as Record<string, unknown>) === it.hash;
      if (unchanged) {
        markSent(deps.db, it.seq);
        sent++;
      } else {
        markAttempted(deps.db, it.seq);
      }
      deps.db.prepare('DELETE FROM sync_attempt WHERE resource_type = ? AND resource_id = ?').run(it.type, it.id);
    });
    recordSuccess(deps.db, at);
  })();
  return { sent };
}

/**
 * Uploads one batch of at most `size` resources as a FHIR transaction of PUTs keyed by the
 * device's ids, so that every retry of the same content is answered, not written twice.
 */
export async function uploadBatch(deps: EngineDeps, baseUrl: string, size: number, maxBytes?: number): Promise<BatchOutcome> {
  const items = nextBatch(deps, size, maxBytes);
  if (items.length === 0) return { kind: 'idle' };
  const at = () => deps.clock.now().toISOString();
  recordAttempts(deps, items, at());
  const r = await send(deps, 'POST', '', transactionBundle(baseUrl, items));
  if (!r.ok) {
    recordFailure(deps.db, r.failure.code, at());
    return { kind: 'failure', failure: r.failure, size: items.length };
  }
  const { res } = r;
  if (res.status >= 200 && res.status < 300) {
    const bundle = transactionResponseSchema.safeParse(res.body);
    if (!bundle.success || bundle.data.entry.length !== items.length) {
      recordFailure(deps.db, 'response.invalid', at());
      return { kind: 'failure', failure: { kind: 'server', code: 'response.invalid', retryAfterMs: null }, size: items.length };
    }
    const versions = bundle.data.entry.map((e) => versionFromEtag(e.response.etag) ?? versionFromLocation(e.response.location));
    const { sent } = acknowledge(deps, items, versions, at());
    return { kind: 'progress', sent, failed: 0, conflicts: 0, size: items.length, durationMs: res.durationMs };
  }
  const outcome = operationOutcomeSchema.safeParse(res.body);
  const blamed = outcome.success ? blamedEntry(outcome.data) : null;
  const item = blamed === null ? undefined : items[blamed];
  if (outcome.success && item && res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408) {
    // One entry was refused and the whole transaction rolled back: set that one aside
    // (conflict queue or failed list) and let the engine send the rest straight away.
    const done = await handleEntryProblem(deps, item, res.status, outcome.data);
    if ('failure' in done) {
      recordFailure(deps.db, done.failure.code, at());
      return { kind: 'failure', failure: done.failure, size: items.length };
    }
    return { kind: 'progress', sent: 0, failed: done.failed, conflicts: done.conflicts, size: items.length, durationMs: res.durationMs };
  }
  if ((res.status === 400 || res.status === 413) && items.length === 1 && items[0]) {
    // Refused without naming an entry, down to a batch of one: it is this resource.
    deps.db.transaction(() => markFailed(deps.db, items[0]!.seq, res.status === 413 ? 'tooLarge' : 'invalid'))();
    return { kind: 'progress', sent: 0, failed: 1, conflicts: 0, size: 1, durationMs: res.durationMs };
  }
  const failure: Failure = res.status === 400 ? { kind: 'split', code: 'http.400', retryAfterMs: null } : failureOfHttp(res, deps.clock.now().getTime());
  recordFailure(deps.db, failure.code, at());
  return { kind: 'failure', failure, size: items.length };
}
