import { DISCONNECTED, isRawResult, type ConnectionState, type RawResult, type Transport } from './transport';

interface Pending {
  resolve(r: RawResult): void;
}

interface Outgoing {
  id: number;
  text: string;
}

const MAX_BACKOFF_MS = 5000;
/** WebSocket.OPEN, spelled out so the module also loads where there is no WebSocket global. */
const OPEN = 1;

/**
 * The browser harness: one WebSocket to the loopback server. Calls made before the socket is
 * open are queued; a dropped socket reconnects with backoff. Calls that were in flight when
 * it dropped resolve as "disconnected" instead of being replayed, because the core may have
 * run them already and the new connection has a new (signed-out) session anyway.
 */
export function createWebSocketTransport(url: string, Socket: new (url: string) => WebSocket = WebSocket): Transport {
  const pending = new Map<number, Pending>();
  const queue: Outgoing[] = [];
  const listeners = new Set<(state: ConnectionState, fresh: boolean) => void>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let backoff = 250;
  let everOpened = false;
  let closedByUs = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let current: ConnectionState = 'connecting';

  const emit = (state: ConnectionState, fresh: boolean) => {
    current = state;
    listeners.forEach((l) => l(state, fresh));
  };

  const flush = () => {
    while (socket?.readyState === OPEN && queue.length > 0) {
      const next = queue.shift();
      if (next) socket.send(next.text);
    }
  };

  const connect = () => {
    emit('connecting', false);
    const ws = new Socket(url);
    socket = ws;
    ws.onopen = () => {
      backoff = 250;
      const fresh = everOpened;
      everOpened = true;
      emit('open', fresh);
      flush();
    };
    ws.onmessage = (ev: MessageEvent<unknown>) => {
      if (typeof ev.data !== 'string') return;
      let msg: unknown;
      try {
        msg = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (typeof msg !== 'object' || msg === null || !('id' in msg) || !('result' in msg)) return;
      const id = typeof msg.id === 'number' ? msg.id : -1;
      const p = pending.get(id);
      if (!p) return;
      pending.delete(id);
      p.resolve(isRawResult(msg.result) ? msg.result : { ok: false, error: { code: 'internal' } });
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // In-flight calls are lost with the connection; queued ones were never sent and wait.
      const queuedIds = new Set(queue.map((q) => q.id));
      for (const [id, p] of pending) {
        if (queuedIds.has(id)) continue;
        pending.delete(id);
        p.resolve(DISCONNECTED);
      }
      emit('closed', false);
      if (closedByUs) return;
      retryTimer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  };

  connect();

  return {
    call(method, payload) {
      const id = nextId++;
      return new Promise<RawResult>((resolve) => {
        pending.set(id, { resolve });
        queue.push({ id, text: JSON.stringify({ id, method, payload }) });
        flush();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current, false);
      return () => listeners.delete(listener);
    },
    close() {
      closedByUs = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
}

/**
 * The harness hands its per-run token in the URL fragment (never sent to servers). Move it to
 * sessionStorage, so a reload still connects, and take it out of the address bar, so it is not
 * shown, bookmarked or shared.
 */
export function takeHarnessToken(loc: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (match?.[1]) {
    storage.setItem('desk.token', decodeURIComponent(match[1]));
    history.replaceState(null, '', loc.pathname + loc.search);
  }
  return storage.getItem('desk.token');
}

export function harnessSocketUrl(loc: Location, token: string): string {
  return `ws://${loc.host}/api?token=${encodeURIComponent(token)}`;
}
