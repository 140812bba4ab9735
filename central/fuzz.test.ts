/**
 * Fuzzing the central server's FHIR endpoints over real HTTP: malformed and hostile
 * transaction Bundles (wrong shapes, huge and odd strings, NUL and lone surrogates, deep
 * nesting, oversized identifiers), and hostile reads, searches and `_history` queries. Every
 * answer must be a 4xx OperationOutcome or a success, never a 5xx, and the server must still
 * answer afterwards. RELIABILITY_LONG=1 runs ten times as many.
 */
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from '../electron/core/fhir/systems.js';
import { buildCentralServer, type CentralServer } from './server.js';
import { consent, newId, patient, TOKENS } from './test-support.js';

/** 6000 digits that do not compress: too long for a btree index entry (PostgreSQL's limit is about 2.7 kB). */
const INCOMPRESSIBLE = Array.from({ length: 6000 }, (_, i) => String((i * 7919 + ((i * i) % 13)) % 10)).join('');
const RUNS = process.env.RELIABILITY_LONG === '1' ? 3000 : 300;

let server: CentralServer;
let base: string;

beforeAll(async () => {
  server = await buildCentralServer({ branches: TOKENS });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/fhir`;
});
afterAll(async () => {
  await server?.close();
});

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x'.repeat(10_000), '9'.repeat(5000), "'; DROP TABLE resource_version; --", '../..', '%00', '{}', '__proto__'),
);

/** A mostly valid bundle with one part broken in a random way. */
const bundle = fc
  .record({
    id: fc.oneof(fc.uuid(), hostileString),
    iin: fc.oneof(fc.stringMatching(/^[0-9]{12}$/), hostileString),
    family: fc.oneof(fc.constant('Ахметова'), hostileString),
    method: fc.constantFrom('PUT', 'PUT', 'PUT', 'POST', 'DELETE', 'put', ''),
    url: fc.option(fc.oneof(hostileString, fc.constant('Patient?identifier=x'), fc.constant('Patient/'), fc.constant('Consent/x/y')), { nil: undefined }),
    ifMatch: fc.option(fc.oneof(fc.constant('W/"1"'), hostileString), { nil: undefined }),
    type: fc.constantFrom('transaction', 'transaction', 'batch', 'collection', ''),
    extra: fc.jsonValue({ maxDepth: 3 }),
    withConsent: fc.boolean(),
    system: fc.oneof(fc.constant(FHIR_SYSTEMS.iin), hostileString),
  })
  .map((b) => {
    const p = { ...patient(b.id, b.iin, b.family), identifier: [{ system: b.system, value: b.iin }] };
    const entry: unknown[] = [{ resource: p, request: { method: b.method, url: b.url ?? `Patient/${b.id}`, ...(b.ifMatch ? { ifMatch: b.ifMatch } : {}) } }];
    if (b.withConsent) {
      const c = consent(newId(), b.id);
      entry.push({ resource: { ...c, extra: b.extra }, request: { method: 'PUT', url: `Consent/${String(c.id)}` } });
    }
    return { resourceType: 'Bundle', type: b.type, entry };
  });

const anyBody = fc.oneof(
  { weight: 5, arbitrary: bundle },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constant({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Patient', id: 'a'.repeat(64), identifier: [{ system: FHIR_SYSTEMS.iin, value: INCOMPRESSIBLE }] }, request: { method: 'PUT', url: `Patient/${'a'.repeat(64)}` } }] }) },
);

async function post(body: string, contentType = 'application/fhir+json'): Promise<number> {
  const res = await fetch(base, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.BR01}`, 'content-type': contentType }, body });
  await res.arrayBuffer();
  return res.status;
}

async function get(path: string): Promise<number> {
  const res = await fetch(`${base}/${path}`, { headers: { authorization: `Bearer ${TOKENS.BR01}` } });
  await res.arrayBuffer();
  return res.status;
}

describe('fuzzing the central server', () => {
  it(`answers ${RUNS} hostile transactions with 4xx or success, never 5xx`, async () => {
    const fiveHundreds: string[] = [];
    for (const body of fc.sample(anyBody, { numRuns: RUNS, seed: 1414 })) {
      const text = JSON.stringify(body);
      const status = await post(text);
      if (status >= 500) fiveHundreds.push(`${status}: ${text.slice(0, 300)}`);
    }
    // Bodies that are not JSON at all, or not what they say they are.
    for (const raw of ['{', '[]', 'null', '"x"', '\u0000', '{"resourceType":"Bundle","entry":' + '['.repeat(5000)]) {
      const status = await post(raw);
      if (status >= 500) fiveHundreds.push(`${status}: ${raw.slice(0, 80)}`);
    }
    expect(fiveHundreds).toEqual([]);
  }, 600_000);

  it('answers hostile reads, searches and _history queries with 4xx or success, never 5xx', async () => {
    const seg = fc.oneof(fc.uuid(), fc.string({ maxLength: 30 }), fc.constantFrom('%00', '%ZZ', 'x'.repeat(3000), '..', '%2e%2e'));
    const paths = fc.oneof(
      fc.tuple(fc.constantFrom('Patient', 'Consent', 'Nope', ''), seg).map(([t, id]) => `${t}/${encodeURIComponent(id)}`),
      fc.tuple(seg, seg).map(([id, v]) => `Patient/${encodeURIComponent(id)}/_history/${encodeURIComponent(v)}`),
      seg.map((v) => `Patient?identifier=${encodeURIComponent(v)}`),
      seg.map((v) => `Patient?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.iin}|${v}`)}`),
      fc.tuple(seg, seg).map(([s, c]) => `_history?_since=${encodeURIComponent(s)}&_count=${encodeURIComponent(c)}`),
    );
    const bad: string[] = [];
    for (const p of fc.sample(paths, { numRuns: RUNS, seed: 1415 })) {
      const status = await get(p);
      if (status >= 500) bad.push(`${status}: ${p.slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
    // Still up and still right.
    expect(await get('metadata')).toBe(200);
    const id = newId();
    expect(await post(JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: patient(id, '990101300123'), request: { method: 'PUT', url: `Patient/${id}` } }] }))).toBe(200);
  }, 600_000);
});
