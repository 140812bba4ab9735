import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * HTTP to the central FHIR server, over `node:http`/`node:https` with a keep-alive agent.
 *
 * Not `fetch`: Node 20's fetch cannot present a client certificate or trust a private CA
 * without the `undici` package (which this project does not depend on), and one code path
 * for bearer tokens and certificates is easier to trust than two. Every request has a
 * deadline and can be aborted by the engine (on stop), and the bearer token is only ever
 * sent to the configured origin: links in responses are never followed.
 */
export type SyncAuth = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'client-certificate'; certPem: string; keyPem: string };

export interface SyncEndpoint {
  /** The FHIR base, e.g. `https://central.example.kz/fhir`. */
  baseUrl: string;
  auth: SyncAuth;
  /** Extra trusted CA certificates (PEM) for a private PKI; the system roots still apply. */
  caPem: string | null;
}

export interface HttpResponse {
  status: number;
  retryAfter: string | undefined;
  etag: string | undefined;
  /** The parsed JSON body, or null when the body is empty or not JSON (an HTML error page). */
  body: unknown;
  durationMs: number;
}

export type TransportErrorKind = 'timeout' | 'network' | 'aborted' | 'tooLarge';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    /** A system error code (ECONNRESET…) when there is one; never a message with data in it. */
    readonly code: string | undefined,
  ) {
    super(`transport ${kind}${code ? ` (${code})` : ''}`);
    this.name = 'TransportError';
  }
}

export interface RequestOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface Transport {
  /** `path` is relative to the base: '' (the base itself), 'metadata', 'Patient/123', '_history?_since=5'. */
  request(method: 'GET' | 'POST', path: string, body: unknown, opts: RequestOptions): Promise<HttpResponse>;
  close(): void;
}

export interface TransportOptions {
  maxResponseBytes?: number;
  /** Parallel sockets to the server; the engine sends one request at a time, probes aside. */
  maxSockets?: number;
}

const FHIR_JSON = 'application/fhir+json';

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export function resolveUrl(baseUrl: string, path: string): URL {
  const base = baseUrl.replace(/\/+$/, '');
  return new URL(path === '' ? base : `${base}/${path}`);
}

export function createHttpTransport(endpoint: SyncEndpoint, opts: TransportOptions = {}): Transport {
  const base = new URL(endpoint.baseUrl);
  const secure = base.protocol === 'https:';
  const maxBytes = opts.maxResponseBytes ?? 64 * 1024 * 1024;
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 4 };
  const agent = secure
    ? new https.Agent({
        ...agentOpts,
        // `ca` replaces Node's roots; a private CA is added to them, so the same settings work
        // whether the central server's certificate comes from a public or a private PKI.
        ...(endpoint.caPem ? { ca: [...rootCertificates, endpoint.caPem] } : {}),
        ...(endpoint.auth.kind === 'client-certificate' ? { cert: endpoint.auth.certPem, key: endpoint.auth.keyPem } : {}),
      })
    : new http.Agent(agentOpts);
  const auth = endpoint.auth.kind === 'bearer' ? `Bearer ${endpoint.auth.token}` : undefined;

  return {
    request(method, path, body, ro) {
      const url = resolveUrl(endpoint.baseUrl, path);
      if (url.origin !== base.origin) return Promise.reject(new TransportError('network', 'EORIGIN'));
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
      const timeout = AbortSignal.timeout(ro.timeoutMs);
      const signal = ro.signal ? AbortSignal.any([timeout, ro.signal]) : timeout;
      const started = performance.now();
      return new Promise<HttpResponse>((resolve, reject) => {
        const fail = (e: unknown) => {
          if (timeout.aborted) reject(new TransportError('timeout', undefined));
          else if (ro.signal?.aborted) reject(new TransportError('aborted', undefined));
          else reject(e instanceof TransportError ? e : new TransportError('network', errorCode(e)));
        };
        const headers: Record<string, string> = { accept: FHIR_JSON };
        if (auth) headers.authorization = auth;
        if (payload) {
          headers['content-type'] = `${FHIR_JSON}; charset=utf-8`;
          headers['content-length'] = String(payload.length);
        }
        const mod = secure ? https : http;
        const req = mod.request(url, { method, agent, headers, signal }, (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > maxBytes) {
              req.destroy(new TransportError('tooLarge', undefined));
              return;
            }
            chunks.push(c);
          });
          res.on('error', fail);
          res.on('end', () => {
            if (!res.complete) return fail(new TransportError('network', 'EINCOMPLETE'));
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = null;
            try {
              parsed = text ? (JSON.parse(text) as unknown) : null;
            } catch {
              parsed = null;
            }
            const header = (name: string) => {
              const v = res.headers[name];
              return Array.isArray(v) ? v[0] : v;
            };
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: header('retry-after'),
              etag: header('etag'),
              body: parsed,
              durationMs: performance.now() - started,
            });
          });
        });
        req.on('error', fail);
        req.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
