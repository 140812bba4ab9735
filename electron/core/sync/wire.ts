import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What the engine reads from the central server, checked with zod before any of it is used:
 * a server (or a proxy in front of it) that answers something else is treated as failing,
 * never trusted halfway. Schemas are loose: extra elements are fine, missing ones are not.
 */

/** Extensions of the reference central server (central/fhir/outcome.ts) that let a client act without parsing prose. */
export const CENTRAL_EXTENSIONS = {
  currentVersion: 'https://fhir.aimedlab.kz/StructureDefinition/current-version',
  existingResource: 'https://fhir.aimedlab.kz/StructureDefinition/existing-resource',
  syncCursor: 'https://fhir.aimedlab.kz/StructureDefinition/sync-cursor',
} as const;

const extensionSchema = z.looseObject({
  url: z.string(),
  valueString: z.string().optional(),
  valueReference: z.looseObject({ reference: z.string().optional() }).optional(),
});

export const operationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.looseObject({
        severity: z.string(),
        code: z.string(),
        diagnostics: z.string().optional(),
        expression: z.array(z.string()).optional(),
        extension: z.array(extensionSchema).optional(),
      }),
    )
    .min(1),
});
export type WireOutcome = z.infer<typeof operationOutcomeSchema>;

export const transactionResponseSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('transaction-response'),
  entry: z.array(z.looseObject({ response: z.looseObject({ status: z.string(), etag: z.string().optional(), location: z.string().optional() }) })),
});

/** A resource as it comes back: an object with its type and id; its content is checked by its own mapping. */
export const wireResourceSchema = z.looseObject({
  resourceType: z.string(),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  meta: z.looseObject({ versionId: z.string().optional() }).optional(),
});
export type WireResource = z.infer<typeof wireResourceSchema>;

export const historyBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('history'),
  meta: z.looseObject({ extension: z.array(extensionSchema).optional() }).optional(),
  link: z.array(z.looseObject({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.looseObject({
        resource: wireResourceSchema.optional(),
        request: z.looseObject({ method: z.string(), url: z.string() }).optional(),
        response: z.looseObject({ status: z.string().optional(), etag: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
export type WireHistory = z.infer<typeof historyBundleSchema>;

export const searchsetSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  entry: z.array(z.looseObject({ resource: wireResourceSchema.optional(), search: z.looseObject({ mode: z.string().optional() }).optional() })).optional(),
});

export const capabilityStatementSchema = z.looseObject({ resourceType: z.literal('CapabilityStatement'), fhirVersion: z.string().optional() });

/** `W/"3"` or `"3"` → `3`. */
export function versionFromEtag(etag: string | undefined): string | null {
  const m = /^(?:W\/)?"([^"]{1,64})"$/.exec(etag?.trim() ?? '');
  return m?.[1] ?? null;
}

/** `Patient/1/_history/3` → `3`. */
export function versionFromLocation(location: string | undefined): string | null {
  return /\/_history\/([^/]{1,64})$/.exec(location ?? '')?.[1] ?? null;
}

/** The bundle entry an OperationOutcome blames (`Bundle.entry[3]…`), if it names one. */
export function blamedEntry(outcome: WireOutcome): number | null {
  for (const issue of outcome.issue) {
    for (const x of issue.expression ?? []) {
      const m = /^Bundle\.entry\[(\d{1,6})\]/.exec(x);
      if (m?.[1]) return Number(m[1]);
    }
  }
  return null;
}

export function outcomeExtension(outcome: WireOutcome, url: string) {
  return outcome.issue.flatMap((i) => i.extension ?? []).find((e) => e.url === url);
}

/** Whether version `a` is newer than `b`: numerically when both are numbers (R4 servers mostly count), otherwise when different. */
export function isNewerVersion(a: string, b: string | null): boolean {
  if (b === null) return true;
  if (/^\d{1,15}$/.test(a) && /^\d{1,15}$/.test(b)) return Number(a) > Number(b);
  return a !== b;
}

/** JSON with sorted keys at every level: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/**
 * The hash of a resource as the client meant it: without the `meta.versionId` and
 * `meta.lastUpdated` a server adds. Comparing it with what the server holds tells whether a
 * stored version is one of our own earlier uploads.
 */
export function contentHash(resource: Record<string, unknown>): string {
  const { meta, ...rest } = resource;
  let clean: Record<string, unknown> = rest;
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) {
    const { versionId: _v, lastUpdated: _l, ...kept } = meta as Record<string, unknown>;
    if (Object.keys(kept).length > 0) clean = { ...rest, meta: kept };
  }
  return createHash('sha256').update(canonicalJson(clean)).digest('hex');
}
