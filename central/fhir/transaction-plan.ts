import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { z } from 'zod';
import { entryExpression, fhirError, FhirError, issue, operationOutcome } from './outcome.js';
import { FHIR_ID, isSyncedType, type SyncedType } from './resource-types.js';
import { validationErrors } from './validate.js';

/** More entries than a branch's sync batch ever needs; bounds the work of one request. */
export const MAX_TRANSACTION_ENTRIES = 500;

const entrySchema = z.object({
  fullUrl: z.string().optional(),
  resource: z.looseObject({ resourceType: z.string() }),
  // Strict: a conditional header this server does not implement (ifNoneMatch, ifNoneExist…)
  // must fail loudly, not be ignored and turn a conditional write into a blind one.
  request: z.strictObject({
    method: z.literal('PUT'),
    url: z.string().min(1).max(1024),
    ifMatch: z.string().max(64).optional(),
  }),
});

const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('transaction'),
  entry: z.array(entrySchema).max(MAX_TRANSACTION_ENTRIES).default([]),
});

/**
 * `Type/id`, or `Patient?identifier=system|value`: whoever holds that identifier. A conditional
 * target keeps the id the resource carries (if any), used to create it when nothing matches.
 */
export type PutTarget =
  | { kind: 'id'; id: string }
  | { kind: 'identifier'; system: string | undefined; value: string; id: string | undefined };

/** One PUT of the transaction, checked and ready to apply. */
export interface PlannedPut {
  index: number;
  type: SyncedType;
  target: PutTarget;
  ifMatch?: number;
  resource: Record<string, unknown>;
}

function zodPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), 'Bundle');
}

/** `system|value` as FHIR token search writes it; a bare value matches any system. */
export function parseToken(token: string): { system: string | undefined; value: string } | undefined {
  const bar = token.indexOf('|');
  const system = bar < 0 ? undefined : token.slice(0, bar);
  const value = bar < 0 ? token : token.slice(bar + 1);
  if (!value || system === '') return undefined;
  return { system, value };
}

function parseIfMatch(value: string | undefined, index: number): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value.trim());
  if (!match?.[1]) throw fhirError(400, 'invalid', 'ifMatch must be W/"<version>"', { expression: [entryExpression(index)] });
  return Number(match[1]);
}

/**
 * Longest identifier system or value a Patient may carry. Identifiers are indexed (one patient
 * per IIN), and PostgreSQL refuses index entries over about 2.7 kB with an error that would
 * otherwise surface as a 500; real ones (IIN, document numbers, URIs) are far shorter.
 */
export const MAX_IDENTIFIER_LENGTH = 256;

function oversizedIdentifier(resource: Record<string, unknown>): number | undefined {
  const list = resource.identifier;
  if (!Array.isArray(list)) return undefined;
  const at = list.findIndex((item: unknown) => {
    if (typeof item !== 'object' || item === null) return false;
    const { system, value } = item as Record<string, unknown>;
    return [system, value].some((x) => typeof x === 'string' && x.length > MAX_IDENTIFIER_LENGTH);
  });
  return at < 0 ? undefined : at;
}

function planEntry(entry: z.infer<typeof entrySchema>, index: number): PlannedPut {
  const at = { expression: [entryExpression(index)] };
  const { url } = entry.request;
  const resource = entry.resource;
  const question = url.indexOf('?');
  const path = question < 0 ? url : url.slice(0, question);
  const slash = path.indexOf('/');
  const typeName = slash < 0 ? path : path.slice(0, slash);
  if (!isSyncedType(typeName)) throw fhirError(400, 'not-supported', `resource type ${typeName} is not synced`, at);
  if (resource.resourceType !== typeName) {
    throw fhirError(400, 'invalid', `request.url names ${typeName} but the resource is a ${resource.resourceType}`, at);
  }
  const resourceId = typeof resource.id === 'string' ? resource.id : undefined;
  const ifMatch = parseIfMatch(entry.request.ifMatch, index);
  let plan: PlannedPut;
  if (question >= 0) {
    const params = new URLSearchParams(url.slice(question + 1));
    const tokens = params.getAll('identifier');
    const token = tokens.length === 1 && [...params.keys()].length === 1 ? parseToken(tokens[0] ?? '') : undefined;
    if (typeName !== 'Patient' || slash >= 0 || !token) {
      throw fhirError(400, 'not-supported', 'only Patient?identifier=system|value is supported as a conditional PUT', at);
    }
    if (resourceId !== undefined && !FHIR_ID.test(resourceId)) throw fhirError(400, 'invalid', 'bad resource.id', at);
    plan = { index, type: typeName, target: { kind: 'identifier', ...token, id: resourceId }, resource };
  } else {
    const id = slash < 0 ? '' : path.slice(slash + 1);
    if (!FHIR_ID.test(id)) throw fhirError(400, 'invalid', 'request.url must be Type/id', at);
    if (resourceId !== id) throw fhirError(400, 'invalid', 'resource.id must equal the id in request.url', at);
    plan = { index, type: typeName, target: { kind: 'id', id }, resource };
  }
  if (ifMatch !== undefined) plan.ifMatch = ifMatch;
  const oversized = typeName === 'Patient' ? oversizedIdentifier(resource) : undefined;
  if (oversized !== undefined) {
    throw fhirError(400, 'too-long', `identifier values and systems are at most ${MAX_IDENTIFIER_LENGTH} characters`, {
      expression: [`${entryExpression(index)}.resource.identifier[${oversized}]`],
    });
  }

  const errors = validationErrors(typeName, resource);
  if (errors.length > 0) {
    // Medplum paths start with the type name ("Patient.birthDate"); anchor them in the entry.
    const prefix = `${entryExpression(index)}.resource`;
    const anchored = errors.map<OperationOutcomeIssue>((e) => ({
      ...e,
      // Medplum puts the sentence in details.text (and, for invariants, the FHIRPath in diagnostics).
      diagnostics: e.details?.text ?? e.diagnostics ?? 'invalid',
      expression: (e.expression ?? [typeName]).map((x) => prefix + x.slice(typeName.length)),
    }));
    throw new FhirError(400, operationOutcome(anchored));
  }
  return plan;
}

/**
 * Checks a transaction request without touching the database: the envelope (zod), each
 * entry's target and preconditions, and each resource against its R4 structure. Returns the
 * PUTs in bundle order; throws a FhirError (400) naming the first bad entry.
 */
export function planTransaction(body: unknown): PlannedPut[] {
  const parsed = bundleSchema.safeParse(body);
  if (!parsed.success) {
    throw new FhirError(
      400,
      operationOutcome(
        parsed.error.issues.slice(0, 20).map((i) => issue('structure', i.message, { expression: [zodPath(i.path)] })),
      ),
    );
  }
  const plans = parsed.data.entry.map(planEntry);
  const seen = new Map<string, number>();
  for (const p of plans) {
    const t = p.target;
    const keys = t.id === undefined ? [] : [`${p.type}/${t.id}`];
    if (t.kind === 'identifier') keys.push(`${p.type}?identifier=${t.system ?? ''}|${t.value}`);
    for (const key of keys) {
      const other = seen.get(key);
      if (other !== undefined) {
        throw fhirError(400, 'invalid', `entries ${other} and ${p.index} target the same resource`, {
          expression: [entryExpression(p.index)],
        });
      }
      seen.set(key, p.index);
    }
  }
  return plans;
}
