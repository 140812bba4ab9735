import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCentralServer } from './server.js';
import { TOKENS } from './test-support.js';

// Node cannot issue X.509 certificates itself; openssl makes a throwaway self-signed one.
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function selfSigned(dir: string): { cert: string; key: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-keyout', keyFile, '-out', certFile,
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

function fetchOver(
  get: typeof httpsGet | typeof httpGet,
  url: string,
  options: RequestOptions,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

describe('TLS', () => {
  const title = hasOpenssl
    ? 'serves HTTPS with the configured certificate, and only HTTPS'
    : 'serves HTTPS — SKIPPED: openssl is not on PATH, so no test certificate can be made';
  it.skipIf(!hasOpenssl)(title, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'central-tls-'));
    const tls = selfSigned(dir);
    const server = await buildCentralServer({ branches: TOKENS, tls });
    try {
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      expect(address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

      const metadata = await fetchOver(httpsGet, `${address}/fhir/metadata`, { ca: tls.cert });
      expect(metadata.status).toBe(200);
      expect(JSON.parse(metadata.body)).toMatchObject({ resourceType: 'CapabilityStatement' });

      const history = await fetchOver(httpsGet, `${address}/fhir/_history`, {
        ca: tls.cert,
        headers: { authorization: `Bearer ${TOKENS.BR01}` },
      });
      expect(history.status).toBe(200);
      expect(JSON.parse(history.body)).toMatchObject({ resourceType: 'Bundle', type: 'history' });

      // Without trusting the certificate the client refuses it: this is real TLS.
      await expect(fetchOver(httpsGet, `${address}/fhir/metadata`, {})).rejects.toThrow(/self[- ]signed/i);
      // Plain HTTP on the TLS port gets no FHIR answer.
      const plain = await fetchOver(httpGet, address.replace('https:', 'http:') + '/fhir/metadata', {}).catch(
        (err: unknown) => err,
      );
      expect(plain instanceof Error || (plain as { status: number }).status !== 200).toBe(true);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
