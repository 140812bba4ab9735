import type { AuditLog } from '../audit/log.js';
import type { Clock } from '../clock.js';
import type { PatientWriter } from '../patients/patient-writer.js';
import type { Db } from '../store/database.js';
import type { BuilderRegistry } from './builders.js';
import { parseRetryAfter } from './core/backoff.js';
import { TransportError, type HttpResponse, type Transport } from './transport.js';

/** What the upload, pull and lookup steps need; the SyncService builds it per run. */
export interface EngineDeps {
  db: Db;
  clock: Clock;
  branchCode(): string;
  patients: PatientWriter;
  audit: AuditLog;
  builders: BuilderRegistry;
  transport: Transport;
  requestTimeoutMs: number;
  /** Aborted when the service stops: in-flight requests end at once. */
  signal: AbortSignal;
}

/**
 * Thrown when the service stopped while a request was in flight. The steps check for it
 * after every await, before touching the store, so a closed store is never written to.
 */
export class StoppedError extends Error {
  constructor() {
    super('sync stopped');
    this.name = 'StoppedError';
  }
}

export function ensureAlive(deps: Pick<EngineDeps, 'signal'>): void {
  if (deps.signal.aborted) throw new StoppedError();
}

/** Why a request did not do its job, as the engine schedules around it. */
export interface Failure {
  /** network/timeout: the link; server: 5xx or nonsense; throttled: 429/503; unauthorized: 401/403; split: the batch must shrink. */
  kind: 'network' | 'timeout' | 'server' | 'throttled' | 'unauthorized' | 'split';
  /** A stable code for the status screen and `sync_state.last_error_code`: `network.ECONNRESET`, `http.503`… */
  code: string;
  retryAfterMs: number | null;
}

export function failureOfHttp(res: HttpResponse, nowMs: number): Failure {
  const code = `http.${res.status}`;
  if (res.status === 401 || res.status === 403) return { kind: 'unauthorized', code, retryAfterMs: null };
  if (res.status === 408) return { kind: 'timeout', code, retryAfterMs: null };
  if (res.status === 413) return { kind: 'split', code, retryAfterMs: null };
  if (res.status === 429 || res.status === 503) return { kind: 'throttled', code, retryAfterMs: parseRetryAfter(res.retryAfter, nowMs) };
  return { kind: 'server', code, retryAfterMs: parseRetryAfter(res.retryAfter, nowMs) };
}

export function failureOfError(e: unknown): Failure {
  if (e instanceof TransportError) {
    if (e.kind === 'aborted') throw new StoppedError();
    if (e.kind === 'timeout') return { kind: 'timeout', code: 'network.timeout', retryAfterMs: null };
    if (e.kind === 'tooLarge') return { kind: 'server', code: 'network.responseTooLarge', retryAfterMs: null };
    return { kind: 'network', code: `network.${e.code ?? 'error'}`, retryAfterMs: null };
  }
  throw e;
}

export type Sent = { ok: true; res: HttpResponse } | { ok: false; failure: Failure };

/** One request, with transport errors turned into a Failure (and a stop into StoppedError). */
export async function send(deps: EngineDeps, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Sent> {
  ensureAlive(deps);
  try {
    const res = await deps.transport.request(method, path, body, { timeoutMs: deps.requestTimeoutMs, signal: deps.signal });
    ensureAlive(deps);
    return { ok: true, res };
  } catch (e) {
    ensureAlive(deps);
    return { ok: false, failure: failureOfError(e) };
  }
}
