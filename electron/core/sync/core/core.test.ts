import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelayMs, type BackoffConfig } from './backoff.js';
import { batchAfterFailure, batchAfterSuccess, initialBatch, type BatchConfig } from './batch.js';
import { INITIAL_LINK, linkNext, type LinkEvent, type LinkState } from './connectivity.js';
import { addOutcome, fractionDone, startDrain } from './progress.js';
import { seededRandom } from './random.js';

describe('batch sizing', () => {
  const c: BatchConfig = { min: 2, max: 100, initial: 10, slowMs: 1000 };

  it('doubles from the start, then after a failure halves and grows by a quarter from there', () => {
    let s = initialBatch(c);
    const sizes = [s.size];
    for (let i = 0; i < 3; i++) sizes.push((s = batchAfterSuccess(s, c, 50)).size);
    expect(sizes).toEqual([10, 20, 40, 80]);
    s = batchAfterFailure(s, c);
    expect(s.size).toBe(40);
    s = batchAfterSuccess(s, c, 500);
    expect(s.size).toBe(50);
    s = batchAfterSuccess(s, c, 500);
    expect(s.size).toBe(62);
    // Far quicker than `slowMs`: back to doubling, so random losses do not pin the size down.
    s = batchAfterSuccess(s, c, 100);
    expect(s.size).toBe(100);
  });

  it('keeps a useful size on a fast link that loses 30 % of requests at random', () => {
    const rnd = seededRandom(11);
    let s = initialBatch(c);
    const sizes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      s = rnd() < 0.3 ? batchAfterFailure(s, c) : batchAfterSuccess(s, c, 100);
      sizes.push(s.size);
    }
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(30);
  });

  it('stays within its bounds however the link behaves', () => {
    let s = initialBatch(c);
    for (let i = 0; i < 20; i++) s = batchAfterSuccess(s, c, 1);
    expect(s.size).toBe(100);
    for (let i = 0; i < 20; i++) s = batchAfterFailure(s, c);
    expect(s.size).toBe(2);
    const rnd = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      s = rnd() < 0.3 ? batchAfterFailure(s, c) : batchAfterSuccess(s, c, rnd() * 2000);
      expect(s.size).toBeGreaterThanOrEqual(2);
      expect(s.size).toBeLessThanOrEqual(100);
    }
  });

  it('does not grow on a slow link', () => {
    const s = initialBatch(c);
    expect(batchAfterSuccess(s, c, 5000)).toEqual(s);
  });
});

describe('retry backoff', () => {
  const c: BackoffConfig = { baseMs: 100, maxMs: 10_000, maxRetryAfterMs: 60_000 };

  it('uses full jitter: uniform between 0 and an exponential cap', () => {
    const rnd = seededRandom(42);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const cap = Math.min(10_000, 100 * 2 ** (attempt - 1));
      const delays = Array.from({ length: 400 }, () => retryDelayMs(attempt, c, rnd));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThan(cap);
      // Spread over the whole range, not bunched: both halves are used.
      expect(delays.some((d) => d < cap / 2)).toBe(true);
      expect(delays.some((d) => d >= cap / 2)).toBe(true);
    }
    expect(retryDelayMs(1, c, () => 0.999)).toBe(99);
    expect(retryDelayMs(1000, c, () => 0.5)).toBe(5000);
  });

  it('is reproducible with the same seed', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect(Array.from({ length: 5 }, (_, i) => retryDelayMs(i + 1, c, a))).toEqual(Array.from({ length: 5 }, (_, i) => retryDelayMs(i + 1, c, b)));
  });

  it('never retries earlier than Retry-After, and caps what it accepts', () => {
    expect(retryDelayMs(1, c, () => 0.5, 3000)).toBe(3000);
    expect(retryDelayMs(10, c, () => 0.99, 3000)).toBe(Math.floor(0.99 * 10_000));
    expect(retryDelayMs(1, c, () => 0, 86_400_000)).toBe(60_000);
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0, 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('connectivity', () => {
  function run(events: LinkEvent[], start: LinkState = INITIAL_LINK) {
    let s = start;
    return events.map((e) => {
      const d = linkNext(s, e, 3);
      s = d.state;
      return { status: s.status, probeNow: d.probeNow, resume: d.resume };
    });
  }

  it('goes online on a successful probe or request, and says to resume only on the change', () => {
    expect(run(['probeOk', 'requestOk'])).toEqual([
      { status: 'online', probeNow: false, resume: true },
      { status: 'online', probeNow: false, resume: false },
    ]);
  });

  it('goes offline on a failed probe at once, but only after several network errors in a row', () => {
    expect(run(['probeOk', 'networkError', 'networkError', 'requestOk', 'networkError', 'networkError', 'networkError']).map((r) => r.status)).toEqual([
      'online',
      'online',
      'online',
      'online',
      'online',
      'online',
      'offline',
    ]);
    expect(run(['probeOk', 'probeFailed']).map((r) => r.status)).toEqual(['online', 'offline']);
  });

  it('believes the OS about going offline, and probes when the OS says the link is back', () => {
    expect(run(['probeOk', 'osOffline', 'osOnline', 'probeOk'])).toEqual([
      { status: 'online', probeNow: false, resume: true },
      { status: 'offline', probeNow: false, resume: false },
      { status: 'unknown', probeNow: true, resume: false },
      { status: 'online', probeNow: false, resume: true },
    ]);
    // Wi-Fi up but no route to the central system: the probe decides.
    expect(run(['osOffline', 'osOnline', 'probeFailed']).map((r) => r.status)).toEqual(['offline', 'unknown', 'offline']);
    expect(run(['probeOk', 'osOnline'])[1]).toEqual({ status: 'online', probeNow: false, resume: false });
  });
});

describe('drain progress', () => {
  it('counts what each batch did and measures against what is still queued', () => {
    let p = startDrain(100);
    expect(fractionDone(p, 100)).toBe(0);
    p = addOutcome(p, { sent: 40, conflicts: 1 });
    p = addOutcome(p, { sent: 9, failed: 1 });
    expect(p).toEqual({ backlogAtStart: 100, sent: 49, failed: 1, conflicts: 1 });
    expect(fractionDone(p, 49)).toBeCloseTo(51 / 100);
    // Registered during the drain: the bar grows, it does not pass 100 %.
    expect(fractionDone(p, 59)).toBeCloseTo(51 / 110);
    expect(fractionDone(addOutcome(p, { sent: 49 }), 0)).toBe(1);
    expect(fractionDone(startDrain(0), 0)).toBe(1);
  });
});
