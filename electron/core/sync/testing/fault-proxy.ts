import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '../core/random.js';

/**
 * A real HTTP proxy on 127.0.0.1 between the desk and the central server that misbehaves on
 * purpose, with seeded randomness so a failing run can be replayed:
 * - reset: the connection is cut before anything reaches the server;
 * - status500 / status503 / status429: an error answer (503 and 429 with Retry-After);
 * - hang: the request is swallowed and never answered (the client's deadline fires);
 * - lostAfterCommit: forwarded, the server commits and answers, and the answer is thrown away
 *   by cutting the client's connection: the worst case for duplicates;
 * - slow: forwarded and answered, but the answer trickles at `slowBytesPerSecond`.
 * `down` refuses every connection, as if the link were gone.
 */
export type FaultKind = 'reset' | 'status500' | 'status503' | 'status429' | 'hang' | 'lostAfterCommit';
export type Outcome = FaultKind | 'slow' | 'passed' | 'refused';

export interface FaultProxyOptions {
  target: { host: string; port: number };
  seed: number;
  /** Share of requests that get one of the faults (0…1). */
  failureRate: number;
  /** Relative weights of the faults (whole numbers); 1 each by default. */
  weights?: Partial<Record<FaultKind, number>>;
  /** Share of the remaining (successful) requests that are slowed down. */
  slowRate?: number;
  slowBytesPerSecond?: number;
  retryAfterSeconds?: number;
  /** Only requests whose path matches are faulted; others pass. Default: every request. */
  faultPaths?: RegExp;
}

export interface FaultProxy {
  port: number;
  /** The FHIR base through the proxy, for a base path such as `/fhir`. */
  url(basePath: string): string;
  counts: Record<Outcome, number>;
  setDown(down: boolean): void;
  setFailureRate(rate: number): void;
  /** The next uploads (POST requests) get these outcomes, in order, whatever the failure rate says. */
  forceNext(...outcomes: (FaultKind | 'passed')[]): void;
  /** Called for each request as it arrives (tests use it to act while a batch is in flight). */
  onRequest(listener: ((method: string, path: string, outcome: Outcome) => void) | null): void;
  /** Called when the server has answered a forwarded request, before the answer is relayed. */
  onUpstreamResponse(listener: ((method: string, path: string, status: number) => void) | null): void;
  close(): Promise<void>;
}

const FAULTS: readonly FaultKind[] = ['reset', 'status500', 'status503', 'status429', 'hang', 'lostAfterCommit'];

export async function startFaultProxy(o: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(o.seed);
  const counts = Object.fromEntries([...FAULTS, 'slow', 'passed', 'refused'].map((k) => [k, 0])) as Record<Outcome, number>;
  const sockets = new Set<Socket>();
  const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  let down = false;
  let failureRate = o.failureRate;
  let listener: ((method: string, path: string, outcome: Outcome) => void) | null = null;
  let upstreamListener: ((method: string, path: string, status: number) => void) | null = null;

  // Exactly `failureRate` of the requests fail (a credit that starts at a seeded phase), and
  // the kinds are drawn from a shuffled bag holding each kind `weight` times, so every kind
  // shows up in a run of a few dozen requests while the order stays random and replayable.
  let credit = random();
  let bag: FaultKind[] = [];
  function nextFault(): FaultKind {
    if (bag.length === 0) {
      bag = FAULTS.flatMap((f) => Array.from({ length: Math.max(0, Math.round(o.weights?.[f] ?? 1)) }, () => f));
      for (let i = bag.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [bag[i], bag[j]] = [bag[j]!, bag[i]!];
      }
    }
    return bag.pop() ?? 'reset';
  }

  const forced: (FaultKind | 'passed')[] = [];
  function pick(method: string, path: string): Outcome {
    if (o.faultPaths && !o.faultPaths.test(path)) return 'passed';
    const f = method === 'POST' ? forced.shift() : undefined;
    if (f) return f;
    credit += failureRate;
    if (credit >= 1) {
      credit -= 1;
      return nextFault();
    }
    return random() < (o.slowRate ?? 0) ? 'slow' : 'passed';
  }

  function forward(req: http.IncomingMessage, onResponse: (up: http.IncomingMessage) => void, onError: () => void): void {
    const up = http.request({ host: o.target.host, port: o.target.port, method: req.method, path: req.url, headers: req.headers, agent: upstreamAgent }, (res) => {
      upstreamListener?.(req.method ?? '', req.url ?? '', res.statusCode ?? 0);
      onResponse(res);
    });
    up.on('error', onError);
    req.pipe(up);
  }

  async function trickle(up: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of up) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const rate = o.slowBytesPerSecond ?? 64 * 1024;
    const step = Math.max(256, Math.floor(rate / 20));
    for (let i = 0; i < body.length && !res.destroyed; i += step) {
      res.write(body.subarray(i, i + step));
      await new Promise((r) => setTimeout(r, (step / rate) * 1000));
    }
    res.end();
  }

  const server = http.createServer((req, res) => {
    const outcome = pick(req.method ?? '', req.url ?? '');
    counts[outcome]++;
    listener?.(req.method ?? '', req.url ?? '', outcome);
    const cut = () => req.socket.destroy();
    switch (outcome) {
      case 'reset':
        return cut();
      case 'hang':
        req.resume();
        return;
      case 'status500':
      case 'status503':
      case 'status429': {
        req.resume();
        const status = Number(outcome.slice(6));
        const headers: Record<string, string> = { 'content-type': 'application/fhir+json' };
        if (status !== 500) headers['retry-after'] = String(o.retryAfterSeconds ?? 1);
        res.writeHead(status, headers);
        res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: status === 500 ? 'exception' : 'throttled', diagnostics: 'injected' }] }));
        return;
      }
      case 'lostAfterCommit':
        return forward(
          req,
          (up) => {
            up.resume();
            up.on('end', cut);
          },
          cut,
        );
      case 'slow':
        return forward(
          req,
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            void trickle(up, res).catch(cut);
          },
          cut,
        );
      default:
        return forward(
          req,
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
          cut,
        );
    }
  });
  server.on('connection', (s: Socket) => {
    if (down) {
      counts.refused++;
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: (basePath) => `http://127.0.0.1:${port}${basePath}`,
    counts,
    setDown(d) {
      down = d;
      if (d) for (const s of sockets) s.destroy();
    },
    setFailureRate(r) {
      failureRate = r;
    },
    forceNext(...outcomes) {
      forced.push(...outcomes);
    },
    onRequest(l) {
      listener = l;
    },
    onUpstreamResponse(l) {
      upstreamListener = l;
    },
    async close() {
      for (const s of sockets) s.destroy();
      upstreamAgent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
