import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal content always serializes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

/**
 * The resource as the client meant it: without `meta.versionId` and `meta.lastUpdated`, which
 * the server assigns. Two PUTs with the same meaning therefore hash the same, whichever
 * version the client had seen; this is what lets the server recognize a replay.
 */
export function withoutServerMeta(resource: Record<string, unknown>): Record<string, unknown> {
  const { meta, ...rest } = resource;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return meta === undefined ? rest : resource;
  }
  const { versionId: _v, lastUpdated: _l, ...keptMeta } = meta as Record<string, unknown>;
  return Object.keys(keptMeta).length > 0 ? { ...rest, meta: keptMeta } : rest;
}

/** SHA-256 (hex) of the canonical client content: the replay detector's key. */
export function contentHash(resource: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(withoutServerMeta(resource))).digest('hex');
}
