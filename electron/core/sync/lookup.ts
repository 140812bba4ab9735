import { patientFromFhir } from '../fhir/patient.js';
import { FHIR_SYSTEMS } from '../fhir/systems.js';
import type { Actor } from '../patients/patient-writer.js';
import { failureOfHttp, send, type EngineDeps } from './failures.js';
import { markSuperseded } from './queue.js';
import { recordFailure, recordSuccess } from './state.js';
import { searchsetSchema } from './wire.js';

export type LookupResult =
  /** Already at this branch: nothing was asked of the central system. */
  | { outcome: 'local'; patientId: string }
  | { outcome: 'imported'; patientId: string }
  | { outcome: 'notFound' }
  | { outcome: 'ambiguous'; count: number }
  /** Found, but without fields the desk requires; `missing` names them. */
  | { outcome: 'incomplete'; missing: string[] }
  /** Not answered: offline, not configured, or the server failed. `reason` is a stable code. */
  | { outcome: 'unavailable'; reason: string };

/**
 * The returning-patient lookup: a receptionist found nobody locally and asks the central
 * system for this IIN. Exact match only, explicit, audited here (the central system logs it
 * too), and it imports only that patient, under the central id, with the central version
 * recorded, so the next edit here uploads with If-Match.
 */
export async function lookupPatient(deps: EngineDeps, iin: string, actor: Actor): Promise<LookupResult> {
  const local = deps.patients.byIin(iin);
  if (local) return { outcome: 'local', patientId: local.id };
  const audit = (details: Record<string, string | number>, entityId: string | null = null) =>
    deps.audit.append({ action: 'patient.lookedUpCentrally', staffId: actor.staffId, entityType: 'patient', entityId, details });
  const r = await send(deps, 'GET', `Patient?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.iin}|${iin}`)}`);
  const at = deps.clock.now().toISOString();
  const parsed = r.ok && r.res.status === 200 ? searchsetSchema.safeParse(r.res.body) : null;
  if (!r.ok || !parsed?.success) {
    const code = !r.ok ? r.failure.code : r.res.status === 200 ? 'response.invalid' : failureOfHttp(r.res, deps.clock.now().getTime()).code;
    deps.db.transaction(() => {
      recordFailure(deps.db, code, at);
      audit({ outcome: 'unavailable', reason: code });
    })();
    return { outcome: 'unavailable', reason: code };
  }
  const matches = (parsed.data.entry ?? []).flatMap((e) => (e.resource?.resourceType === 'Patient' && e.search?.mode !== 'include' ? [e.resource] : []));
  const [match] = matches;
  if (matches.length !== 1 || !match) {
    deps.db.transaction(() => {
      recordSuccess(deps.db, at);
      audit({ found: matches.length });
    })();
    return matches.length === 0 ? { outcome: 'notFound' } : { outcome: 'ambiguous', count: matches.length };
  }
  const p = patientFromFhir(match);
  if (!p.ok) {
    deps.db.transaction(() => audit({ found: 1, imported: 0 }, match.id))();
    return { outcome: 'incomplete', missing: p.missing };
  }
  deps.db.transaction(() => {
    deps.patients.create(p.input, actor, { id: p.id, kind: 'import' });
    if (p.version) deps.patients.setRemoteVersion(p.id, p.version);
    // The record came from the central system as it is there: nothing to send back.
    markSuperseded(deps.db, 'Patient', p.id);
    recordSuccess(deps.db, at);
    audit({ found: 1, imported: 1 }, p.id);
  })();
  return { outcome: 'imported', patientId: p.id };
}
