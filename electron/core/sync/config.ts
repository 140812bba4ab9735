import { DEFAULT_BACKOFF, type BackoffConfig } from './core/backoff.js';
import { DEFAULT_BATCH, type BatchConfig } from './core/batch.js';
import type { Connectivity } from './core/connectivity.js';

/** Every timing of the engine. Tests shorten these; nothing else changes how it behaves. */
export interface SyncConfig {
  /** Deadline of one upload or pull request. */
  requestTimeoutMs: number;
  /** Deadline of the `metadata` probe. */
  probeTimeoutMs: number;
  /** While online: how often to look for new local changes and pull central ones. */
  pollIntervalMs: number;
  /** While offline: how often to probe `metadata`. */
  probeIntervalMs: number;
  /** Network errors in a row before the link counts as down. */
  offlineAfterFailures: number;
  /** Entries per `_history` page. */
  pullPageSize: number;
  /** Upper bound of one upload's body (the reference server accepts 20 MB). */
  maxBatchBytes: number;
  batch: BatchConfig;
  backoff: BackoffConfig;
}

export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  requestTimeoutMs: 60_000,
  probeTimeoutMs: 10_000,
  pollIntervalMs: 15_000,
  probeIntervalMs: 30_000,
  offlineAfterFailures: 3,
  pullPageSize: 500,
  maxBatchBytes: 8 * 1024 * 1024,
  batch: DEFAULT_BATCH,
  backoff: DEFAULT_BACKOFF,
};

export type SyncConfigOverrides = Partial<Omit<SyncConfig, 'batch' | 'backoff'>> & { batch?: Partial<BatchConfig>; backoff?: Partial<BackoffConfig> };

export function syncConfig(o: SyncConfigOverrides = {}): SyncConfig {
  return { ...DEFAULT_SYNC_CONFIG, ...o, batch: { ...DEFAULT_BATCH, ...o.batch }, backoff: { ...DEFAULT_BACKOFF, ...o.backoff } };
}

/**
 * What the receptionist sees (`sync.status`): online or not, how much waits, when the last
 * sync succeeded, a progress bar while a backlog drains, and counts for the failed and
 * conflict screens.
 */
export interface SyncStatus {
  /** A central URL and credentials are set. */
  configured: boolean;
  connectivity: Connectivity;
  /** idle: nothing to do; uploading/pulling: working; waiting: a retry is scheduled; stopped: the store is closed. */
  activity: 'idle' | 'uploading' | 'pulling' | 'waiting' | 'stopped';
  /** Changes waiting to go up. */
  queued: number;
  /** Refused by the central system; shown with their reason on the failed screen. */
  failed: number;
  /** Open conflicts waiting for a person's choice. */
  conflicts: number;
  lastSuccessAt: string | null;
  /** A stable code (`network.ECONNREFUSED`, `http.503`, `http.401`…) for the last failure since the last success. */
  lastErrorCode: string | null;
  nextRetryAt: string | null;
  /** Set while a backlog drains. `fraction` is 0…1 for the progress bar. */
  drain: { backlogAtStart: number; sent: number; failed: number; conflicts: number; fraction: number } | null;
}

/** `status` after every step that changed it; `drained` when a backlog has gone up. */
export type SyncEvent = { type: 'status'; status: SyncStatus } | { type: 'drained' };
