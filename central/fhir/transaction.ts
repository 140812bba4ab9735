import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntryResponse, Extension } from '@medplum/fhirtypes';
import type { Clock } from '../../electron/core/clock.js';
import type { SqlClient } from '../db.js';
import { identifierHoldings, patientStates, targetStates, type IdentifierHolding, type TargetState } from '../store/bundle-state.js';
import { identifierKey, lockWithResolved, resourceKey, writeTransaction } from '../store/locks.js';
import { storeVersions, uniqueIdentifiers, type CurrentVersion, type NewVersion } from '../store/versions.js';
import { linkBranch } from '../store/visibility.js';
import { contentHash } from './canonical.js';
import { CENTRAL_EXTENSIONS, entryExpression, FhirError, fhirError } from './outcome.js';
import { allowsBlindUpdate, compartmentPatient } from './resource-types.js';
import { planTransaction, type PlannedPut } from './transaction-plan.js';

export interface WriteContext {
  sql: SqlClient;
  branch: string;
  clock: Clock;
}

function reference(type: string, id: string): Extension {
  return { url: CENTRAL_EXTENSIONS.existingResource, valueReference: { reference: `${type}/${id}` } };
}

function response(
  v: { type: string; id: string; version: number; lastUpdated: string },
  status: '200 OK' | '201 Created',
): BundleEntryResponse {
  return {
    status,
    etag: `W/"${v.version}"`,
    lastModified: v.lastUpdated,
    location: `${v.type}/${v.id}/_history/${v.version}`,
  };
}

/** 412: the entry's precondition failed; the client moves it to its conflict queue. */
function preconditionFailed(p: PlannedPut, id: string, current: number | undefined, why: string) {
  const extension = [reference(p.type, id)];
  if (current !== undefined) extension.push({ url: CENTRAL_EXTENSIONS.currentVersion, valueString: String(current) });
  return fhirError(412, 'conflict', why, { expression: [entryExpression(p.index)], extension });
}

/** The id each PUT writes to: its own, or that of the patient holding the identifier. */
type Resolution = { id: string } | { error: FhirError };

/**
 * Resolves the conditional targets (`Patient?identifier=…`) from one read of the identifier
 * index. `fresh` holds the id each conditional entry creates when nothing matches, made once
 * so that resolving twice (before and under the locks) gives the same answer.
 */
function resolveTargets(plans: readonly PlannedPut[], holdings: readonly IdentifierHolding[], fresh: ReadonlyMap<number, string>) {
  const out = new Map<number, Resolution>();
  for (const p of plans) {
    const t = p.target;
    if (t.kind === 'id') {
      out.set(p.index, { id: t.id });
      continue;
    }
    const at = { expression: [entryExpression(p.index)] };
    const matches = [...new Set(holdings.filter((h) => h.value === t.value && (t.system === undefined || h.system === t.system)).map((h) => h.patientId))];
    const [match] = matches;
    if (matches.length > 1) out.set(p.index, { error: fhirError(412, 'multiple-matches', 'the identifier matches more than one patient', at) });
    else if (match === undefined) out.set(p.index, { id: t.id ?? fresh.get(p.index) ?? randomUUID() });
    else if (t.id !== undefined && t.id !== match) {
      out.set(p.index, {
        error: fhirError(409, 'duplicate', `the identifier already belongs to Patient/${match}`, { ...at, extension: [reference('Patient', match)] }),
      });
    } else out.set(p.index, { id: match });
  }
  return out;
}

/** What a PUT locks besides its target: the patient its content belongs to, and its IINs. */
function contentKeys(p: PlannedPut): string[] {
  if (p.type !== 'Patient') {
    const patientId = compartmentPatient(p.type, p.resource);
    return patientId === undefined ? [] : [resourceKey('Patient', patientId)];
  }
  return uniqueIdentifiers(p.resource).map((i) => identifierKey(i.value));
}

/** Patients first, so that an entry about a patient created in the same bundle finds it. */
function processingOrder(plans: readonly PlannedPut[]): PlannedPut[] {
  const rank = (p: PlannedPut) => (p.type === 'Patient' ? 0 : 1);
  return [...plans].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

interface Entry {
  plan: PlannedPut;
  id: string;
  resource: Record<string, unknown>;
  key: string;
}

/**
 * Under the locks: one read per kind of fact for the whole bundle (targets, patients the
 * records belong to, IIN holders), then the rules below applied entry by entry in memory,
 * stopping at the first failure, then the writes in a few statements.
 */
async function applyBundle(tx: SqlClient, branch: string, now: Date, plans: readonly PlannedPut[]) {
  const conditional = plans.flatMap((p) => (p.target.kind === 'identifier' ? [{ index: p.index, value: p.target.value }] : []));
  const fresh = new Map(conditional.map((c) => [c.index, randomUUID()]));
  const resolve = async () =>
    resolveTargets(plans, conditional.length ? await identifierHoldings(tx, conditional.map((c) => c.value)) : [], fresh);
  const fixedKeys = plans.flatMap((p) => [...contentKeys(p), ...(p.target.kind === 'identifier' ? [identifierKey(p.target.value)] : [])]);
  const resolved = await lockWithResolved(tx, fixedKeys, resolve, (r) =>
    plans.flatMap((p) => {
      const x = r.get(p.index);
      return x && 'id' in x ? [resourceKey(p.type, x.id)] : [];
    }),
  );

  const entries = new Map<number, Entry>();
  const seen = new Map<string, number>();
  for (const p of plans) {
    const r = resolved.get(p.index);
    if (!r) throw new Error('unreachable: every plan is resolved');
    if ('error' in r) continue;
    const key = resourceKey(p.type, r.id);
    const other = seen.get(key);
    if (other !== undefined) {
      resolved.set(p.index, {
        error: fhirError(400, 'invalid', `entries ${other} and ${p.index} target the same resource`, { expression: [entryExpression(p.index)] }),
      });
      continue;
    }
    seen.set(key, p.index);
    entries.set(p.index, { plan: p, id: r.id, resource: { ...p.resource, id: r.id }, key });
  }

  const list = [...entries.values()];
  const states = await targetStates(tx, branch, list.map((e) => ({ type: e.plan.type, id: e.id, hash: contentHash(e.resource) })));
  const owners = list.flatMap((e) => (e.plan.type === 'Patient' ? [] : [compartmentPatient(e.plan.type, e.resource)].filter((x) => x !== undefined)));
  const patients = await patientStates(tx, branch, owners);
  const iins = list.flatMap((e) => (e.plan.type === 'Patient' ? uniqueIdentifiers(e.resource).map((i) => i.value) : []));
  const holders = new IinHolders((await identifierHoldings(tx, iins)).filter((h) => h.isUnique));

  const created = new Set<string>();
  const writes: NewVersion[] = [];
  const known = new Map<string, CurrentVersion | undefined>();
  const answers = new Map<number, BundleEntryResponse | '200 OK' | '201 Created'>();
  for (const p of processingOrder(plans)) {
    const r = resolved.get(p.index);
    if (r && 'error' in r) throw r.error;
    const e = entries.get(p.index);
    if (!e) throw new Error('unreachable: a resolved plan has an entry');
    const current = states.get(e.key);
    const replay = checkTarget(e, current);
    if (replay) {
      answers.set(p.index, replay);
      continue;
    }
    checkCompartment(e, patients, created);
    if (p.type === 'Patient') {
      holders.claim(e);
      if (!current) created.add(e.id);
    }
    writes.push({ type: p.type, id: e.id, resource: e.resource, branch, now });
    known.set(e.key, current && { version: current.version, deleted: current.deleted, patientId: current.patientId });
    answers.set(p.index, current ? '200 OK' : '201 Created');
  }

  await linkBranch(tx, branch, [...created], 'registered', now);
  const stored = new Map((await storeVersions(tx, writes, known)).map((s) => [resourceKey(s.type, s.id), s]));
  return plans.map((p) => {
    const answer = answers.get(p.index);
    if (typeof answer === 'object') return answer;
    const s = stored.get(entries.get(p.index)?.key ?? '');
    if (!s || !answer) throw new Error('unreachable: every entry is answered');
    return response(s, answer);
  });
}

/**
 * The rules about the target itself, in order: deleted centrally (410), not visible (403),
 * a replay (answered with the current version, nothing written), a missing or stale If-Match
 * (412). Returns the replay's answer, or nothing when the entry is to be written.
 */
function checkTarget(e: Entry, current: TargetState | undefined): BundleEntryResponse | undefined {
  const { plan: p, id } = e;
  const at = { expression: [entryExpression(p.index)] };
  if (current?.deleted) throw fhirError(410, 'deleted', `${p.type}/${id} was deleted at the central system`, at);
  if (!current) {
    if (p.ifMatch !== undefined) throw preconditionFailed(p, id, undefined, `${p.type}/${id} does not exist; If-Match cannot match`);
    return undefined;
  }
  if (!current.visible) throw fhirError(403, 'forbidden', `this branch does not see ${p.type}/${id}`, at);
  // A replay (same content as a stored version) is answered, not written, whatever its
  // If-Match: the first attempt succeeded and only its response was lost.
  if (current.replay) return response({ type: p.type, id, version: current.version, lastUpdated: current.lastUpdated }, '200 OK');
  if (p.ifMatch === undefined && !allowsBlindUpdate(p.type)) {
    throw preconditionFailed(p, id, current.version, `${p.type}/${id} exists; updating it needs If-Match`);
  }
  if (p.ifMatch !== undefined && p.ifMatch !== current.version) {
    throw preconditionFailed(p, id, current.version, `${p.type}/${id} is at version ${current.version}, not ${p.ifMatch}`);
  }
  return undefined;
}

/** A branch may write about a patient only if the patient is there and the branch sees them. */
function checkCompartment(e: Entry, patients: ReadonlyMap<string, { deleted: boolean; linked: boolean }>, created: ReadonlySet<string>) {
  if (e.plan.type === 'Patient') return;
  const patientId = compartmentPatient(e.plan.type, e.resource);
  if (patientId === undefined || created.has(patientId)) return;
  const at = { expression: [entryExpression(e.plan.index)] };
  const patient = patients.get(patientId);
  if (!patient || patient.deleted) {
    throw fhirError(422, 'not-found', `Patient/${patientId} is not at the central system; send the patient first`, at);
  }
  if (!patient.linked) {
    throw fhirError(403, 'forbidden', `this branch does not see Patient/${patientId}; look the patient up first`, at);
  }
}

/**
 * One patient per IIN, across the stored patients and the bundle's earlier entries: a patient
 * written earlier in the bundle gives up the IINs it no longer has (a merged record's stub
 * hands its IIN to the record kept) and takes its new ones.
 */
class IinHolders {
  private readonly byIdentifier = new Map<string, Set<string>>();

  constructor(holdings: readonly IdentifierHolding[]) {
    for (const h of holdings) this.holders(h.system, h.value).add(h.patientId);
  }

  private holders(system: string, value: string): Set<string> {
    const key = `${system}|${value}`;
    let set = this.byIdentifier.get(key);
    if (!set) this.byIdentifier.set(key, (set = new Set()));
    return set;
  }

  /** Refuses the patient if another holds one of its IINs (409), else records what it holds. */
  claim(e: Entry): void {
    const mine = uniqueIdentifiers(e.resource);
    for (const { system, value } of mine) {
      const holder = [...this.holders(system, value)].find((id) => id !== e.id);
      if (holder !== undefined) {
        // The diagnostics name the system, never the value: an IIN is personal data.
        throw fhirError(409, 'duplicate', `an identifier of system ${system} already belongs to Patient/${holder}`, {
          expression: [entryExpression(e.plan.index)],
          extension: [reference('Patient', holder)],
        });
      }
    }
    for (const set of this.byIdentifier.values()) set.delete(e.id);
    for (const { system, value } of mine) this.holders(system, value).add(e.id);
  }
}

/**
 * Applies a transaction Bundle all-or-nothing: every entry is written in one SQL transaction,
 * or none is and the first failure comes back as a FhirError naming its entry. Validation
 * runs before the transaction; inside it, the bundle locks only its own resources, patients
 * and IINs (store/locks.ts), so bundles about different patients do not wait for each other.
 */
export async function runTransaction(ctx: WriteContext, body: unknown): Promise<Bundle> {
  const plans = planTransaction(body);
  const responses = await writeTransaction(ctx.sql, (tx) => applyBundle(tx, ctx.branch, ctx.clock.now(), plans));
  return { resourceType: 'Bundle', type: 'transaction-response', entry: responses.map((r) => ({ response: r })) };
}
