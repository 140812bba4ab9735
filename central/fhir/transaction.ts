import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntryResponse, Extension } from '@medplum/fhirtypes';
import type { Clock } from '../../electron/core/clock.js';
import type { SqlClient } from '../db.js';
import { currentOf, lockWrites, readVersion, storeVersion, uniqueIdentifiers, versionWithHash } from '../store/versions.js';
import {
  canSee,
  holderOfUniqueIdentifier,
  isLinked,
  linkBranch,
  patientsByIdentifier,
} from '../store/visibility.js';
import { contentHash } from './canonical.js';
import { CENTRAL_EXTENSIONS, entryExpression, fhirError } from './outcome.js';
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

/** The id a PUT writes to: its own, or that of the patient holding the identifier. */
async function resolveTarget(tx: SqlClient, p: PlannedPut): Promise<string> {
  const t = p.target;
  if (t.kind === 'id') return t.id;
  const at = { expression: [entryExpression(p.index)] };
  const matches = await patientsByIdentifier(tx, t.system, t.value);
  if (matches.length > 1) throw fhirError(412, 'multiple-matches', 'the identifier matches more than one patient', at);
  const [match] = matches;
  if (match === undefined) return t.id ?? randomUUID();
  if (t.id !== undefined && t.id !== match) {
    throw fhirError(409, 'duplicate', `the identifier already belongs to Patient/${match}`, {
      ...at,
      extension: [reference('Patient', match)],
    });
  }
  return match;
}

/** A branch may write about a patient only if it sees that patient. */
async function checkCompartment(tx: SqlClient, branch: string, p: PlannedPut, resource: Record<string, unknown>) {
  if (p.type === 'Patient') return;
  const patientId = compartmentPatient(p.type, resource);
  if (patientId === undefined) return;
  const at = { expression: [entryExpression(p.index)] };
  const patient = await currentOf(tx, 'Patient', patientId);
  if (!patient || patient.deleted) {
    throw fhirError(422, 'not-found', `Patient/${patientId} is not at the central system; send the patient first`, at);
  }
  if (!(await isLinked(tx, branch, patientId))) {
    throw fhirError(403, 'forbidden', `this branch does not see Patient/${patientId}; look the patient up first`, at);
  }
}

/** One patient per IIN: refuse a patient whose IIN another patient already holds. */
async function checkUniqueIdentifiers(tx: SqlClient, p: PlannedPut, id: string, resource: Record<string, unknown>) {
  if (p.type !== 'Patient') return;
  for (const { system, value } of uniqueIdentifiers(resource)) {
    const holder = await holderOfUniqueIdentifier(tx, system, value, id);
    if (holder !== undefined) {
      // The diagnostics name the system, never the value: an IIN is personal data.
      throw fhirError(409, 'duplicate', `an identifier of system ${system} already belongs to Patient/${holder}`, {
        expression: [entryExpression(p.index)],
        extension: [reference('Patient', holder)],
      });
    }
  }
}

async function applyPut(tx: SqlClient, branch: string, now: Date, p: PlannedPut): Promise<BundleEntryResponse> {
  const id = await resolveTarget(tx, p);
  const resource = { ...p.resource, id };
  const at = { expression: [entryExpression(p.index)] };
  const current = await currentOf(tx, p.type, id);

  if (current?.deleted) {
    throw fhirError(410, 'deleted', `${p.type}/${id} was deleted at the central system`, at);
  }
  if (current) {
    if (!(await canSee(tx, branch, p.type, id))) {
      throw fhirError(403, 'forbidden', `this branch does not see ${p.type}/${id}`, at);
    }
    // A replay (same content as a stored version) is answered, not written, whatever its
    // If-Match: the first attempt succeeded and only its response was lost.
    if ((await versionWithHash(tx, p.type, id, contentHash(resource))) !== undefined) {
      const stored = await readVersion(tx, p.type, id);
      if (!stored) throw new Error('unreachable: current version without content');
      return response(stored, '200 OK');
    }
    if (p.ifMatch === undefined && !allowsBlindUpdate(p.type)) {
      throw preconditionFailed(p, id, current.version, `${p.type}/${id} exists; updating it needs If-Match`);
    }
    if (p.ifMatch !== undefined && p.ifMatch !== current.version) {
      throw preconditionFailed(
        p,
        id,
        current.version,
        `${p.type}/${id} is at version ${current.version}, not ${p.ifMatch}`,
      );
    }
  } else if (p.ifMatch !== undefined) {
    throw preconditionFailed(p, id, undefined, `${p.type}/${id} does not exist; If-Match cannot match`);
  }

  await checkCompartment(tx, branch, p, resource);
  await checkUniqueIdentifiers(tx, p, id, resource);
  if (p.type === 'Patient' && !current) await linkBranch(tx, branch, id, 'registered', now);
  const stored = await storeVersion(tx, { type: p.type, id, resource, branch, now });
  return response(stored, current ? '200 OK' : '201 Created');
}

/** Patients first, so that an entry about a patient created in the same bundle finds it. */
function processingOrder(plans: readonly PlannedPut[]): PlannedPut[] {
  const rank = (p: PlannedPut) => (p.type === 'Patient' ? 0 : 1);
  return [...plans].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

/**
 * Applies a transaction Bundle all-or-nothing: every entry is written in one SQL transaction,
 * or none is and the first failure comes back as a FhirError naming its entry.
 */
export async function runTransaction(ctx: WriteContext, body: unknown): Promise<Bundle> {
  const plans = planTransaction(body);
  const responses = await ctx.sql.transaction(async (tx) => {
    await lockWrites(tx);
    const now = ctx.clock.now();
    const done: { index: number; response: BundleEntryResponse }[] = [];
    for (const p of processingOrder(plans)) done.push({ index: p.index, response: await applyPut(tx, ctx.branch, now, p) });
    return done.sort((a, b) => a.index - b.index);
  });
  return { resourceType: 'Bundle', type: 'transaction-response', entry: responses.map((r) => ({ response: r.response })) };
}
