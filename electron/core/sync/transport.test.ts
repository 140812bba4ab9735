import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSettingsInputSchema } from './settings.js';
import { createHttpTransport, TransportError, type SyncEndpoint } from './transport.js';

/**
 * The transport against a server of a private PKI that requires a client certificate, as a
 * laboratory's own FHIR server might. Certificates are made with the openssl CLI; the suite
 * skips, saying why, where it is missing.
 */
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Pki {
  caCert: string;
  serverKey: string;
  serverCert: string;
  clientKey: string;
  clientCert: string;
}

function makePki(dir: string): Pki {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=AiMedLab Test Root CA', '-days', '2');
  ssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=central.test', '-addext', 'subjectAltName=IP:127.0.0.1');
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-copy_extensions', 'copy');
  ssl('req', ...ec, '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=ALA-01');
  ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2');
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  return { caCert: read('ca.crt'), serverKey: read('server.key'), serverCert: read('server.crt'), clientKey: read('client.key'), clientCert: read('client.crt') };
}

describe.skipIf(!hasOpenssl)(`transport over TLS with a private CA and a client certificate${hasOpenssl ? '' : ' (skipped: openssl not found)'}`, () => {
  let dir: string;
  let pki: Pki;
  let server: https.Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pki-'));
    pki = makePki(dir);
    server = https.createServer({ key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      const cn = (req.socket as TLSSocket).getPeerCertificate().subject?.CN;
      seen.push(Array.isArray(cn) ? cn.join(',') : (cn ?? ''));
      if (req.url === '/fhir/slow') return;
      res.writeHead(200, { 'content-type': 'application/fhir+json', etag: 'W/"1"' });
      res.end(JSON.stringify({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const endpoint = (over: Partial<SyncEndpoint> = {}): SyncEndpoint => ({
    baseUrl: base,
    auth: { kind: 'client-certificate', certPem: pki.clientCert, keyPem: pki.clientKey },
    caPem: pki.caCert,
    ...over,
  });

  it('presents the client certificate and trusts the private CA', async () => {
    const t = createHttpTransport(endpoint());
    const res = await t.request('GET', 'metadata', undefined, { timeoutMs: 5000 });
    t.close();
    expect(res).toMatchObject({ status: 200, etag: 'W/"1"', body: { resourceType: 'CapabilityStatement' } });
    expect(seen.at(-1)).toBe('ALA-01');
  });

  it('refuses a server whose CA it was not given, and is refused without a client certificate', async () => {
    const noCa = createHttpTransport(endpoint({ caPem: null }));
    await expect(noCa.request('GET', 'metadata', undefined, { timeoutMs: 5000 })).rejects.toMatchObject({ kind: 'network' });
    noCa.close();
    const noCert = createHttpTransport(endpoint({ auth: { kind: 'bearer', token: 'x'.repeat(30) } }));
    await expect(noCert.request('GET', 'metadata', undefined, { timeoutMs: 5000 })).rejects.toBeInstanceOf(TransportError);
    noCert.close();
  });

  it('gives up at its deadline, and on abort', async () => {
    const t = createHttpTransport(endpoint());
    const t0 = performance.now();
    await expect(t.request('GET', 'slow', undefined, { timeoutMs: 300 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(performance.now() - t0).toBeLessThan(3000);
    const ac = new AbortController();
    const p = t.request('GET', 'slow', undefined, { timeoutMs: 10_000, signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
    t.close();
  });

  it('accepts the PEMs in the settings and refuses what is not a certificate or key', () => {
    const ok = syncSettingsInputSchema.safeParse({ baseUrl: base, authKind: 'client-certificate', clientCertPem: pki.clientCert, clientKeyPem: pki.clientKey, caPem: pki.caCert });
    expect(ok.success).toBe(true);
    const bad = syncSettingsInputSchema.safeParse({ baseUrl: base, authKind: 'client-certificate', clientCertPem: 'not a certificate', clientKeyPem: pki.clientCert });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['sync.certificateInvalid', 'sync.keyInvalid']);
  });
});

describe('transport over plain http', () => {
  it('sends the bearer token, reads Retry-After, and tolerates a non-JSON error page', async () => {
    const auth: string[] = [];
    const server = http.createServer((req, res) => {
      auth.push(req.headers.authorization ?? '');
      res.writeHead(503, { 'retry-after': '7', 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const t = createHttpTransport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/`, auth: { kind: 'bearer', token: 'secret-token-of-the-branch-01' }, caPem: null });
    const res = await t.request('POST', '', { resourceType: 'Bundle' }, { timeoutMs: 5000 });
    t.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    expect(res).toMatchObject({ status: 503, retryAfter: '7', body: null });
    expect(auth).toEqual(['Bearer secret-token-of-the-branch-01']);
  });
});
