import { z } from 'zod';
import { AppError } from '../../errors.js';
import { checkIin } from '../../identity/iin.js';
import { patientFromFhir } from '../../fhir/patient.js';
import { flatten, type FlatPatient } from '../../patients/patient-row.js';
import type { SyncStatus } from '../../sync/config.js';
import { listOpenConflicts, type ConflictRecord } from '../../sync/conflicts.js';
import { MERGE_FIELDS, resolveConflict } from '../../sync/resolve.js';
import { mergeSettings, readSyncSettings, settingsView, syncSettingsInputSchema, writeSyncSettings } from '../../sync/settings.js';
import { readSyncState, setPullCursor } from '../../sync/state.js';
import { countByState, countOpenConflicts, failedItems, retryFailed } from '../../sync/queue.js';
import type { HandlerContext } from '../handler.js';
import { defineHandler } from '../handler.js';
import { empty, idSchema } from '../schemas.js';

function actor(ctx: HandlerContext) {
  return { staffId: ctx.session.staff?.id ?? null, at: ctx.desk.nowIso() };
}

/** The status when no sync engine runs in this process (CLI, or a desk built without one). */
function passiveStatus(ctx: HandlerContext): SyncStatus {
  const { db } = ctx.desk.store();
  const counts = countByState(db);
  const state = readSyncState(db);
  return {
    configured: readSyncSettings(db).baseUrl !== null,
    connectivity: 'unknown',
    activity: 'stopped',
    queued: counts.pending,
    failed: counts.failed,
    conflicts: countOpenConflicts(db),
    lastSuccessAt: state.lastSuccessAt,
    lastErrorCode: state.lastErrorCode,
    nextRetryAt: null,
    drain: null,
  };
}

/**
 * A conflict as the resolution screen shows it: the two versions as the desk's flat fields
 * (the same names as the patient history), and which fields differ.
 */
function conflictView(c: ConflictRecord, current: FlatPatient | null) {
  const remote = c.remote ? patientFromFhir(c.remote) : null;
  const remoteFields: Record<string, string | null> | null = remote?.ok ? flatten(remote.input) : null;
  const localParsed = patientFromFhir(c.local);
  const local: Record<string, string | null> | null = current ?? (localParsed.ok ? flatten(localParsed.input) : null);
  const differing = local && remoteFields ? MERGE_FIELDS.filter((k) => (local[k] ?? null) !== (remoteFields[k] ?? null)) : [];
  return {
    id: c.id,
    kind: c.kind,
    resourceType: c.resourceType,
    resourceId: c.resourceId,
    remoteId: c.remoteId,
    remoteVersion: c.remoteVersion,
    detectedAt: c.detectedAt,
    local,
    remote: remoteFields,
    /** Names the desk fields the central record lacks, when it cannot be taken as it is. */
    remoteMissing: remote && !remote.ok ? remote.missing : [],
    differing,
  };
}

const mergeChoice = z.partialRecord(z.enum(MERGE_FIELDS as [string, ...string[]]), z.enum(['local', 'remote']));

export const syncHandlers = {
  /** The status bar: polled, so it does not count as the receptionist being active. */
  'sync.status': defineHandler({
    input: empty,
    access: 'sync.view',
    passive: true,
    run: (ctx): SyncStatus => ctx.desk.store().sync?.status() ?? passiveStatus(ctx),
  }),

  /** The OS or the browser says the network went away or came back (the renderer's online/offline events). */
  'sync.network': defineHandler({
    input: z.object({ online: z.boolean() }).strict(),
    access: 'signedIn',
    passive: true,
    run: (ctx, { online }) => {
      const sync = ctx.desk.store().sync;
      if (online) sync?.notifyOnline();
      else sync?.notifyOffline();
      return { ok: true as const };
    },
  }),

  'sync.settings.get': defineHandler({
    input: empty,
    access: 'sync.configure',
    run: (ctx) => settingsView(readSyncSettings(ctx.desk.store().db)),
  }),

  /** Secrets are write-only: the answer says whether each is set, never what it is. */
  'sync.settings.set': defineHandler({
    input: syncSettingsInputSchema,
    access: 'sync.configure',
    run: (ctx, input) => {
      const store = ctx.desk.store();
      const a = actor(ctx);
      const current = readSyncSettings(store.db);
      const next = mergeSettings(current, input);
      store.db.transaction(() => {
        writeSyncSettings(store.db, next, a.at, a.staffId);
        // Another server has other cursors: start its change feed from the beginning.
        if (current.baseUrl !== next.baseUrl) setPullCursor(store.db, null);
        store.audit.append({
          action: 'sync.settingsChanged',
          staffId: a.staffId,
          entityType: 'branch',
          entityId: null,
          details: { authKind: next.authKind, urlChanged: current.baseUrl !== next.baseUrl, tokenChanged: input.token !== undefined, certificateChanged: input.clientCertPem !== undefined || input.clientKeyPem !== undefined, caChanged: input.caPem !== undefined },
        });
      })();
      store.sync?.reconfigure();
      return settingsView(readSyncSettings(store.db));
    },
  }),

  'sync.failed.list': defineHandler({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: 'sync.view',
    run: (ctx, { limit }) => failedItems(ctx.desk.store().db, limit),
  }),

  /** Put one failed item (by `seq`) or all of them back in the queue. */
  'sync.retry': defineHandler({
    input: z.object({ seq: z.number().int().positive().optional() }).strict(),
    access: 'sync.view',
    run: (ctx, { seq }) => {
      const store = ctx.desk.store();
      const retried = store.sync ? store.sync.retry(seq ?? null) : retryFailed(store.db, seq ?? null);
      return { retried };
    },
  }),

  'sync.conflicts.list': defineHandler({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: 'sync.resolve',
    run: (ctx, { limit }) => {
      const store = ctx.desk.store();
      return listOpenConflicts(store.db, limit).map((c) => {
        const current = c.resourceType === 'Patient' ? store.patients.get(c.resourceId) : undefined;
        return conflictView(c, current ? flatten(current) : null);
      });
    },
  }),

  /**
   * Staff's choice: keep the local version, take the central one, or merge field by field
   * (`fields` maps field names to 'local' or 'remote'; unnamed fields stay local). Whatever
   * is kept locally goes up with If-Match of the central version that was compared.
   */
  'sync.conflicts.resolve': defineHandler({
    input: z.discriminatedUnion('choice', [
      z.object({ id: idSchema, choice: z.literal('local') }).strict(),
      z.object({ id: idSchema, choice: z.literal('remote') }).strict(),
      z.object({ id: idSchema, choice: z.literal('merge'), fields: mergeChoice }).strict(),
    ]),
    access: 'sync.resolve',
    run: (ctx, input) => {
      const store = ctx.desk.store();
      const choice = input.choice === 'merge' ? { choice: 'merge' as const, fields: input.fields } : { choice: input.choice };
      const r = store.sync ? store.sync.resolve(input.id, choice, actor(ctx)) : resolveConflict({ ...store, clock: ctx.desk.clock }, input.id, choice, actor(ctx));
      return { id: r.id, status: r.status, resolution: r.resolution };
    },
  }),

  /** Returning patient: nobody found locally, ask the central system for this IIN (explicit and audited). */
  'sync.lookupPatient': defineHandler({
    input: z.object({ iin: z.string().trim().regex(/^\d{12}$/, { error: 'iin.format' }) }).strict(),
    access: 'patient.write',
    run: async (ctx, { iin }) => {
      // The checksum and date check need the core's "today", so they run here rather than in the schema.
      const check = checkIin(iin, ctx.desk.clock.now());
      if (!check.ok) throw new AppError('validation', { issues: [{ path: 'iin', code: check.code }] });
      const store = ctx.desk.store();
      const local = store.patients.byIin(iin);
      if (local) return { outcome: 'local' as const, patientId: local.id };
      if (!store.sync) return { outcome: 'unavailable' as const, reason: 'sync.notConfigured' };
      return store.sync.lookupPatient(iin, actor(ctx));
    },
  }),
};
