import type { AuditLog } from '../audit/log.js';
import type { Clock } from '../clock.js';
import type { ConsentService } from '../consent/consent-service.js';
import type { Actor, PatientWriter } from '../patients/patient-writer.js';
import type { Db } from '../store/database.js';
import { defaultBuilders, type BuilderRegistry } from './builders.js';
import { syncConfig, type SyncConfig, type SyncConfigOverrides, type SyncEvent, type SyncStatus } from './config.js';
import { retryDelayMs } from './core/backoff.js';
import { batchAfterFailure, batchAfterSuccess, initialBatch, type BatchState } from './core/batch.js';
import { INITIAL_LINK, linkNext, type LinkEvent, type LinkState } from './core/connectivity.js';
import { addOutcome, fractionDone, startDrain, type DrainProgress } from './core/progress.js';
import type { Random } from './core/random.js';
import { StoppedError, type EngineDeps, type Failure } from './failures.js';
import { lookupPatient, type LookupResult } from './lookup.js';
import { pullPage, type RemoteConsentHandler } from './pull.js';
import { consentWithdrawalHandler } from './consent-builders.js';
import { countByState, countOpenConflicts, retryFailed } from './queue.js';
import { resolveConflict, type ConflictChoice } from './resolve.js';
import { endpointOf, readSyncSettings } from './settings.js';
import { readSyncState } from './state.js';
import { createHttpTransport, type SyncEndpoint, type Transport } from './transport.js';
import { uploadBatch } from './upload.js';
import { capabilityStatementSchema } from './wire.js';

/** What the desk gives the engine when a store opens. */
export interface SyncStoreDeps {
  db: Db;
  audit: AuditLog;
  patients: PatientWriter;
  /** When given, consents withdrawn at the central system are applied through it. */
  consents?: ConsentService;
  clock: Clock;
  branchCode(): string;
}

export interface SyncServiceOptions extends SyncStoreDeps {
  config?: SyncConfigOverrides;
  random?: Random;
  builders?: BuilderRegistry;
  /** Defaults to the consent module's withdrawal when `consents` is given. */
  remoteConsents?: RemoteConsentHandler | null;
  transportFactory?: (endpoint: SyncEndpoint) => Transport;
}

/** DeskCore calls this when a store opens (`DeskOptions.sync`). */
export type SyncFactory = (deps: SyncStoreDeps) => SyncService;

export const createSyncService: SyncFactory = (deps) => new SyncService(deps);

/**
 * The background sync of one open store: owns its timers, its in-flight request and its
 * in-memory state (link, batch size, backoff, drain progress); the queue, cursor and
 * conflicts are in the store, so a restart continues where it stopped. One cycle runs at a
 * time: upload everything that is ready, then pull what changed centrally.
 */
export class SyncService {
  private readonly cfg: SyncConfig;
  private readonly random: Random;
  private readonly builders: BuilderRegistry;
  private readonly remoteConsents: RemoteConsentHandler | null;
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  private endpoint: SyncEndpoint | null = null;
  private transport: Transport | null = null;
  private abort = new AbortController();
  private link: LinkState = INITIAL_LINK;
  private batch: BatchState;
  private failuresInRow = 0;
  private retryAt = 0;
  private drain: DrainProgress | null = null;
  private activity: SyncStatus['activity'] = 'idle';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopped = false;

  constructor(private readonly opts: SyncServiceOptions) {
    this.cfg = syncConfig(opts.config);
    this.random = opts.random ?? Math.random;
    this.builders = opts.builders ?? defaultBuilders();
    this.remoteConsents = opts.remoteConsents !== undefined ? opts.remoteConsents : opts.consents ? consentWithdrawalHandler(opts.consents) : null;
    this.batch = initialBatch(this.cfg.batch);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.reconfigure();
  }

  /** Stops timers and aborts the request in flight; the store may be closed right after. */
  stop(): Promise<void> {
    this.stopped = true;
    this.activity = 'stopped';
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.transport?.close();
    return this.running ?? Promise.resolve();
  }

  /** Settings changed (or the store just opened): talk to the configured server from now on. */
  reconfigure(): void {
    if (this.stopped) return;
    this.transport?.close();
    this.endpoint = endpointOf(readSyncSettings(this.opts.db));
    this.transport = this.endpoint ? (this.opts.transportFactory ?? createHttpTransport)(this.endpoint) : null;
    this.link = INITIAL_LINK;
    this.failuresInRow = 0;
    this.retryAt = 0;
    this.kick();
  }

  /** The OS (or the renderer's `online` event) says the network is back: probe now, resume by itself. */
  notifyOnline(): void {
    const d = linkNext(this.link, 'osOnline', this.cfg.offlineAfterFailures);
    this.link = d.state;
    if (d.probeNow) this.retryAt = 0;
    this.kick();
  }

  notifyOffline(): void {
    this.link = linkNext(this.link, 'osOffline', this.cfg.offlineAfterFailures).state;
    this.emitStatus();
  }

  /** Run a cycle soon (new local changes, a retry request, a resolved conflict). */
  kick(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no cycle is running (tests). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  on(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): SyncStatus {
    const { db } = this.opts;
    const counts = countByState(db);
    const state = readSyncState(db);
    const waiting = this.retryAt > Date.now();
    return {
      configured: this.endpoint !== null,
      connectivity: this.link.status,
      activity: this.activity === 'idle' && waiting ? 'waiting' : this.activity,
      queued: counts.pending,
      failed: counts.failed,
      conflicts: countOpenConflicts(db),
      lastSuccessAt: state.lastSuccessAt,
      lastErrorCode: state.lastErrorCode,
      nextRetryAt: waiting ? new Date(this.opts.clock.now().getTime() + (this.retryAt - Date.now())).toISOString() : null,
      drain: this.drain ? { ...this.drain, fraction: fractionDone(this.drain, counts.pending) } : null,
    };
  }

  retry(seq: number | null): number {
    const n = retryFailed(this.opts.db, seq);
    this.retryAt = 0;
    this.kick();
    return n;
  }

  resolve(conflictId: string, choice: ConflictChoice, actor: Actor) {
    const r = resolveConflict(this.opts, conflictId, choice, actor);
    this.kick();
    return r;
  }

  async lookupPatient(iin: string, actor: Actor): Promise<LookupResult> {
    const local = this.opts.patients.byIin(iin);
    if (local) return { outcome: 'local', patientId: local.id };
    const deps = this.engineDeps();
    if (!deps) return { outcome: 'unavailable', reason: 'sync.notConfigured' };
    try {
      const r = await lookupPatient(deps, iin, actor);
      this.observe(r.outcome !== 'unavailable' ? 'requestOk' : r.reason.startsWith('network.') ? 'networkError' : null);
      return r;
    } catch (e) {
      if (e instanceof StoppedError) return { outcome: 'unavailable', reason: 'sync.stopped' };
      throw e;
    }
  }

  private engineDeps(timeoutMs = this.cfg.requestTimeoutMs): EngineDeps | null {
    if (!this.transport || this.stopped) return null;
    return { ...this.opts, builders: this.builders, transport: this.transport, requestTimeoutMs: timeoutMs, signal: this.abort.signal };
  }

  private emit(e: SyncEvent): void {
    for (const l of this.listeners) l(e);
  }

  private emitStatus(): void {
    if (!this.stopped) this.emit({ type: 'status', status: this.status() });
  }

  private observe(event: LinkEvent | null): void {
    if (!event) return;
    this.link = linkNext(this.link, event, this.cfg.offlineAfterFailures).state;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.cycle();
      } catch (e) {
        if (e instanceof StoppedError || this.stopped) return;
        // A bug, not the network: keep the queue, log the class only, and retry later.
        console.error(`[sync] unexpected ${e instanceof Error ? e.name : typeof e}`);
        this.fail({ kind: 'server', code: 'internal', retryAfterMs: null });
      } finally {
        if (!this.stopped) this.activity = 'idle';
      }
    } while (this.again && !this.stopped);
    this.emitStatus();
    this.schedule();
  }

  /** The next wake-up: the pending retry, else a poll (online) or a probe (offline). */
  private schedule(): void {
    if (this.stopped || !this.endpoint) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = this.retryAt > Date.now() ? this.retryAt - Date.now() : this.link.status === 'online' ? this.cfg.pollIntervalMs : this.cfg.probeIntervalMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, wait);
    // A pending sync never keeps a CLI or test process alive on its own.
    this.timer.unref();
  }

  private async probe(): Promise<boolean> {
    const deps = this.engineDeps(this.cfg.probeTimeoutMs);
    if (!deps) return false;
    try {
      const res = await deps.transport.request('GET', 'metadata', undefined, { timeoutMs: this.cfg.probeTimeoutMs, signal: deps.signal });
      const ok = (res.status === 200 && capabilityStatementSchema.safeParse(res.body).success) || res.status === 401 || res.status === 403;
      this.observe(ok ? 'probeOk' : 'probeFailed');
    } catch {
      if (this.stopped) throw new StoppedError();
      this.observe('probeFailed');
    }
    this.emitStatus();
    return this.link.status === 'online';
  }

  private fail(f: Failure): void {
    if (f.kind === 'network' || f.kind === 'timeout') this.observe('networkError');
    if (f.kind === 'network' || f.kind === 'timeout' || f.kind === 'split') this.batch = batchAfterFailure(this.batch, this.cfg.batch);
    if (f.kind === 'split') {
      // Not the link's fault: retry at once with the smaller batch.
      this.again = true;
      return;
    }
    this.failuresInRow++;
    this.retryAt = Date.now() + retryDelayMs(this.failuresInRow, this.cfg.backoff, this.random, f.retryAfterMs);
  }

  private succeeded(durationMs: number | null): void {
    this.observe('requestOk');
    this.failuresInRow = 0;
    if (durationMs !== null) this.batch = batchAfterSuccess(this.batch, this.cfg.batch, durationMs);
  }

  private async cycle(): Promise<void> {
    const base = this.endpoint?.baseUrl;
    if (!base || this.retryAt > Date.now()) return;
    if (this.link.status !== 'online' && !(await this.probe())) return;
    const deps = this.engineDeps();
    if (!deps) return;
    this.activity = 'uploading';
    for (;;) {
      if (!this.drain) {
        const queued = countByState(deps.db).pending;
        if (queued > 0) this.drain = startDrain(queued);
      }
      const out = await uploadBatch(deps, base, this.batch.size, this.cfg.maxBatchBytes);
      if (out.kind === 'idle') break;
      if (out.kind === 'failure') {
        this.fail(out.failure);
        this.emitStatus();
        return;
      }
      this.succeeded(out.sent > 0 ? out.durationMs : null);
      if (this.drain) this.drain = addOutcome(this.drain, out);
      this.emitStatus();
    }
    if (this.drain) {
      this.drain = null;
      this.emit({ type: 'drained' });
    }
    this.activity = 'pulling';
    for (let more = true; more; ) {
      const out = await pullPage(deps, this.cfg.pullPageSize, this.remoteConsents);
      if (out.kind === 'failure') {
        this.fail(out.failure);
        return;
      }
      this.succeeded(null);
      more = out.more;
    }
  }
}
