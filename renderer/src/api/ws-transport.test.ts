import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketTransport, takeHarnessToken } from './ws-transport';

/** Just enough of a WebSocket to drive the transport by hand; each test gets its own list. */
class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
}

function fakeSockets() {
  const all: FakeSocket[] = [];
  const Socket = class extends FakeSocket {
    constructor(url: string) {
      super(url);
      all.push(this);
    }
  } as unknown as new (url: string) => WebSocket;
  return { all, Socket, last: () => all.at(-1) as FakeSocket };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('WebSocket transport', () => {
  it('queues calls until the socket opens and matches replies by id', async () => {
    const { Socket, last } = fakeSockets();
    const t = createWebSocketTransport('ws://x/api?token=t', Socket);
    const a = t.call('app.info', {});
    const b = t.call('auth.status', {});
    expect(last().sent).toEqual([]);
    last().open();
    const sent = last().sent.map((s) => JSON.parse(s) as { id: number; method: string });
    expect(sent.map((s) => s.method)).toEqual(['app.info', 'auth.status']);
    last().reply(sent[1]?.id ?? -1, { ok: true, value: 'b' });
    last().reply(sent[0]?.id ?? -1, { ok: true, value: 'a' });
    await expect(a).resolves.toEqual({ ok: true, value: 'a' });
    await expect(b).resolves.toEqual({ ok: true, value: 'b' });
  });

  it('resolves in-flight calls as disconnected, reconnects, and reports the fresh connection', async () => {
    const { Socket, last, all } = fakeSockets();
    const t = createWebSocketTransport('ws://x/api', Socket);
    const states: string[] = [];
    t.subscribe((state, fresh) => states.push(`${state}${fresh ? '*' : ''}`));
    last().open();
    const inFlight = t.call('staff.list', {});
    last().drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'internal', details: { transport: 'disconnected' } } });
    const queued = t.call('auth.status', {});
    vi.advanceTimersByTime(300);
    expect(all).toHaveLength(2);
    last().open();
    const id = (JSON.parse(last().sent[0] ?? '{}') as { id: number }).id;
    last().reply(id, { ok: true, value: { signedIn: false } });
    await expect(queued).resolves.toEqual({ ok: true, value: { signedIn: false } });
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open*']);
  });

  it('ignores malformed replies', () => {
    const { Socket, last } = fakeSockets();
    createWebSocketTransport('ws://x/api', Socket);
    last().open();
    expect(() => last().onmessage?.({ data: 'not json' })).not.toThrow();
  });
});

describe('takeHarnessToken', () => {
  it('moves the token from the fragment to session storage and clears the address bar', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const replaced: string[] = [];
    const history = { replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as History;
    const loc = { hash: '#token=abc-123_x', pathname: '/', search: '' } as Location;
    expect(takeHarnessToken(loc, storage, history)).toBe('abc-123_x');
    expect(replaced).toEqual(['/']);
    // After a reload the fragment is gone; the token comes from session storage.
    expect(takeHarnessToken({ ...loc, hash: '' }, storage, history)).toBe('abc-123_x');
  });
});
