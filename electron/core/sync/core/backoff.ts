import type { Random } from './random.js';

/**
 * When to try again after a failed upload or pull. Pure: the attempt count, the server's
 * `Retry-After` and the random source come in, a delay comes out.
 *
 * Exponential backoff with full jitter (a uniform delay between 0 and the exponential cap):
 * after an outage every branch of the chain retries at once, and jitter spreads them out. A
 * `Retry-After` from the server is a floor: we never come back earlier than asked, but we cap
 * what we accept (`maxRetryAfterMs`) so a misconfigured proxy cannot park a branch for days.
 */
export interface BackoffConfig {
  baseMs: number;
  maxMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffConfig = { baseMs: 1_000, maxMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 };

/** The delay before retry number `attempt` (1 for the first retry after a failure). */
export function retryDelayMs(attempt: number, c: BackoffConfig, random: Random, retryAfterMs: number | null = null): number {
  const exp = Math.min(c.maxMs, c.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  const jittered = Math.floor(random() * exp);
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(Math.max(retryAfterMs, 0), c.maxRetryAfterMs));
}

/**
 * `Retry-After` as milliseconds from `nowMs`: either delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3). Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d{1,10}$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t) || !/[a-z]/i.test(v)) return null;
  return Math.max(0, t - nowMs);
}
