import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { SqlClient } from '../db.js';
import { identifierKey, lockWithResolved, resourceKey, writeTransaction } from '../store/locks.js';
import { currentOf, readVersion, type StoredVersion } from '../store/versions.js';
import {
  canSee,
  feedPage,
  formatCursor,
  linkBranch,
  logAccess,
  parseCursor,
  patientsByIdentifier,
} from '../store/visibility.js';
import { CENTRAL_EXTENSIONS, fhirError } from './outcome.js';
import { FHIR_ID, isSyncedType } from './resource-types.js';
import { parseToken } from './transaction-plan.js';

export interface ReadContext {
  sql: SqlClient;
  branch: string;
  /** e.g. https://central.example.kz/fhir, for fullUrl and links. */
  baseUrl: string;
}

export type Query = Record<string, string | string[] | undefined>;

/** The FHIR JSON body of a stored version. The cast is the storage boundary: content was validated on the way in. */
export function asResource(v: StoredVersion): Resource {
  return v.content as unknown as Resource;
}

/** Read or vread. Invisible and missing look the same (404), so ids cannot be probed. */
export async function readResource(ctx: ReadContext, typeName: string, id: string, vid?: string): Promise<StoredVersion> {
  const notFound = () => fhirError(404, 'not-found', `${typeName}/${id} not found`);
  if (!isSyncedType(typeName) || !FHIR_ID.test(id)) throw notFound();
  if (vid !== undefined && !/^\d{1,9}$/.test(vid)) throw notFound();
  if (!(await canSee(ctx.sql, ctx.branch, typeName, id))) throw notFound();
  // Once deleted at the central system (an erasure request), no version is served any more.
  if ((await currentOf(ctx.sql, typeName, id))?.deleted) throw fhirError(410, 'deleted', `${typeName}/${id} was deleted`);
  const v = await readVersion(ctx.sql, typeName, id, vid === undefined ? undefined : Number(vid));
  if (!v) throw notFound();
  return v;
}

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw fhirError(400, 'invalid', `${name} may be given once`);
  return value;
}

function onlyParams(query: Query, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) throw fhirError(400, 'not-supported', `search parameter ${key} is not supported`);
  }
}

/**
 * The returning-patient lookup: `Patient?identifier=system|value`, exact match only (no
 * partial or name search, so the register cannot be browsed). Finding a patient lets the
 * branch see it from now on, and every lookup is written to the access log.
 */
export async function searchPatients(ctx: ReadContext, query: Query, now: Date): Promise<Bundle> {
  onlyParams(query, ['identifier']);
  const token = parseToken(single(query, 'identifier') ?? '');
  if (!token) throw fhirError(400, 'required', 'search by identifier=system|value');
  const found = await writeTransaction(ctx.sql, async (tx) => {
    // Linking the branch to a patient lists the patient's records into its feed: under the
    // patient's lock, so that a record written meanwhile is not missed (store/locks.ts).
    const ids = await lockWithResolved(
      tx,
      [identifierKey(token.value)],
      () => patientsByIdentifier(tx, token.system, token.value),
      (found) => found.map((id) => resourceKey('Patient', id)),
    );
    const versions: StoredVersion[] = [];
    for (const id of ids) {
      const v = await readVersion(tx, 'Patient', id);
      if (v && !v.deleted) versions.push(v);
    }
    await linkBranch(tx, ctx.branch, versions.map((v) => v.id), 'lookup', now);
    await logAccess(tx, {
      branch: ctx.branch,
      action: 'patient-lookup',
      identifierSystem: token.system ?? null,
      patientIds: versions.map((v) => v.id),
      now,
    });
    return versions;
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: found.length,
    entry: found.map((v) => ({
      fullUrl: `${ctx.baseUrl}/Patient/${v.id}`,
      resource: asResource(v),
      search: { mode: 'match' },
    })),
  };
}

export const DEFAULT_HISTORY_PAGE = 100;

function historyEntry(ctx: ReadContext, v: StoredVersion): BundleEntry {
  const url = `${v.type}/${v.id}`;
  return {
    fullUrl: `${ctx.baseUrl}/${url}`,
    ...(v.deleted ? {} : { resource: asResource(v) }),
    request: { method: v.deleted ? 'DELETE' : 'PUT', url },
    response: {
      status: v.deleted ? '204 No Content' : v.version === 1 ? '201 Created' : '200 OK',
      etag: `W/"${v.version}"`,
      lastModified: v.lastUpdated,
    },
  };
}

/**
 * What changed for this branch since a cursor, oldest first (the reverse of FHIR's default
 * order, because a sync client applies changes in the order they happened). The cursor is
 * opaque to clients: it comes back in `Bundle.meta` (extension sync-cursor) on every page,
 * and in the `next` link when more changes are waiting.
 */
export async function branchHistory(ctx: ReadContext, query: Query, maxPage: number): Promise<Bundle> {
  onlyParams(query, ['_since', '_count']);
  const since = single(query, '_since') ?? '0';
  const countText = single(query, '_count');
  const after = parseCursor(since);
  if (!after) throw fhirError(400, 'invalid', '_since must be a cursor this server returned');
  if (countText !== undefined && !/^\d{1,6}$/.test(countText)) throw fhirError(400, 'invalid', '_count must be a number');
  const count = Math.min(Math.max(Number(countText ?? DEFAULT_HISTORY_PAGE), 1), maxPage);
  const items = await feedPage(ctx.sql, ctx.branch, after, count + 1);
  const page = items.slice(0, count);
  const last = page.at(-1)?.cursor;
  const cursor = last ? formatCursor(last) : since;
  const link = [{ relation: 'self', url: `${ctx.baseUrl}/_history?_since=${since}&_count=${count}` }];
  if (items.length > count) link.push({ relation: 'next', url: `${ctx.baseUrl}/_history?_since=${cursor}&_count=${count}` });
  return {
    resourceType: 'Bundle',
    type: 'history',
    meta: { extension: [{ url: CENTRAL_EXTENSIONS.syncCursor, valueString: cursor }] },
    link,
    entry: page.map((item) => historyEntry(ctx, item.version)),
  };
}
