import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from '../electron/core/fhir/systems.js';
import { buildCentralServer, type CentralServer } from './server.js';
import {
  call,
  consent,
  entryResponses,
  freshIin,
  newId,
  outcomeOf,
  patient,
  put,
  TOKENS,
  transaction,
} from './test-support.js';

let server: CentralServer;
beforeAll(async () => {
  server = await buildCentralServer({ branches: TOKENS, bodyLimitBytes: 256 * 1024 });
});
afterAll(async () => {
  await server?.close();
});

const iinQuery = (iin: string) => `Patient?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.iin}|${iin}`)}`;

describe('transaction envelope and entries', () => {
  it('rejects a Bundle that is not a transaction of PUTs, naming the path', async () => {
    const batch = await call(server, 'BR01', 'POST', '/fhir', { ...transaction(), type: 'batch' });
    expect(batch.status).toBe(400);
    expect(outcomeOf(batch.body)).toMatchObject({ code: 'structure', expression: 'Bundle.type' });

    const post = transaction({ resource: patient(newId(), freshIin()) });
    const entry = post.entry?.[0];
    if (entry?.request) entry.request.method = 'POST';
    const res = await call(server, 'BR01', 'POST', '/fhir', post);
    expect(res.status).toBe(400);
    expect(outcomeOf(res.body).expression).toBe('Bundle.entry[0].request.method');
  });

  it('refuses conditional headers it does not implement instead of ignoring them', async () => {
    const b = transaction({ resource: patient(newId(), freshIin()) });
    const entry = b.entry?.[0];
    if (entry?.request) entry.request.ifNoneExist = 'identifier=x|1';
    const res = await call(server, 'BR01', 'POST', '/fhir', b);
    expect(res.status).toBe(400);
    expect(outcomeOf(res.body).expression).toBe('Bundle.entry[0].request');
  });

  it('checks the target of each entry', async () => {
    const id = newId();
    const cases: [Parameters<typeof put>[2], string][] = [
      [{ resource: { resourceType: 'Observation', id, status: 'final' } }, 'not-supported'],
      [{ resource: patient(id, freshIin()), url: `Consent/${id}` }, 'invalid'],
      [{ resource: patient(id, freshIin()), url: `Patient/${newId()}` }, 'invalid'],
      [{ resource: patient(id, freshIin()), url: 'Patient' }, 'invalid'],
      [{ resource: patient(id, freshIin()), url: 'Patient?name=x' }, 'not-supported'],
    ];
    for (const [entry, code] of cases) {
      const res = await put(server, 'BR01', entry);
      expect(res.status, JSON.stringify(entry)).toBe(400);
      expect(outcomeOf(res.body)).toMatchObject({ code, expression: 'Bundle.entry[0]' });
    }
  });

  it('refuses two entries for the same resource and a malformed If-Match', async () => {
    const id = newId();
    const iin = freshIin();
    const twice = await put(server, 'BR01', { resource: patient(id, iin) }, { resource: patient(id, iin) });
    expect(twice.status).toBe(400);
    expect(outcomeOf(twice.body).expression).toBe('Bundle.entry[1]');

    const b = transaction({ resource: patient(id, iin) });
    const entry = b.entry?.[0];
    if (entry?.request) entry.request.ifMatch = 'version 1';
    expect((await call(server, 'BR01', 'POST', '/fhir', b)).status).toBe(400);
  });

  it('answers If-Match on a resource that does not exist with 412 and no current version', async () => {
    const res = await put(server, 'BR01', { resource: patient(newId(), freshIin()), ifMatch: 1 });
    expect(res.status).toBe(412);
    expect(outcomeOf(res.body)).toMatchObject({ code: 'conflict', expression: 'Bundle.entry[0]', currentVersion: undefined });
  });

  it('accepts application/json, refuses other media types (415), bad JSON (400) and huge bodies (413)', async () => {
    const ok = await server.app.inject({
      method: 'POST',
      url: '/fhir',
      headers: { authorization: `Bearer ${TOKENS.BR01}`, 'content-type': 'application/json' },
      payload: JSON.stringify(transaction({ resource: patient(newId(), freshIin()) })),
    });
    expect(ok.statusCode).toBe(200);
    const send = (contentType: string, payload: string) =>
      server.app.inject({
        method: 'POST',
        url: '/fhir',
        headers: { authorization: `Bearer ${TOKENS.BR01}`, 'content-type': contentType },
        payload,
      });
    expect((await send('text/plain', 'x')).statusCode).toBe(415);
    const bad = await send('application/fhir+json', '{"resourceType":');
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ resourceType: 'OperationOutcome' });
    const big = await send('application/fhir+json', JSON.stringify({ pad: 'x'.repeat(300 * 1024) }));
    expect(big.statusCode).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'too-long' }] });
  });

  it('anchors validation errors in the entry and resource path', async () => {
    const res = await put(
      server,
      'BR01',
      { resource: patient(newId(), freshIin()) },
      { resource: { ...consent(newId(), newId()), status: undefined, scope: { text: 'privacy', colour: 'red' } } },
    );
    expect(res.status).toBe(400);
    const expressions = (res.body.issue as { expression?: string[] }[]).flatMap((i) => i.expression ?? []);
    expect(expressions).toEqual(
      expect.arrayContaining(['Bundle.entry[1].resource.status', 'Bundle.entry[1].resource.scope.colour']),
    );
    expect(outcomeOf(res.body).diagnostics).not.toBe('');
    expect(expressions.every((e) => e.startsWith('Bundle.entry[1].resource'))).toBe(true);
  });
});

describe('patients and their records', () => {
  it('takes a patient and its consent in one bundle in either order', async () => {
    const pid = newId();
    const res = await put(server, 'BR01', { resource: consent(newId(), pid) }, { resource: patient(pid, freshIin()) });
    expect(res.status).toBe(200);
    expect(entryResponses(res.body).map((r) => r?.status)).toEqual(['201 Created', '201 Created']);
  });

  it('refuses a record about a patient the central system does not have (422)', async () => {
    const res = await put(server, 'BR01', { resource: consent(newId(), newId()) });
    expect(res.status).toBe(422);
    expect(outcomeOf(res.body)).toMatchObject({ code: 'not-found', expression: 'Bundle.entry[0]' });
  });

  it('resolves a conditional PUT by IIN to the patient who holds it', async () => {
    const iin = freshIin();
    const pid = newId();
    const created = await put(server, 'BR01', { resource: patient(pid, iin), url: iinQuery(iin) });
    expect(entryResponses(created.body)[0]).toMatchObject({ status: '201 Created', location: `Patient/${pid}/_history/1` });

    const { id: _drop, ...withoutId } = patient(pid, iin, 'Серікова');
    const updated = await put(server, 'BR01', { resource: withoutId, url: iinQuery(iin), ifMatch: 1 });
    expect(entryResponses(updated.body)[0]).toMatchObject({ status: '200 OK', location: `Patient/${pid}/_history/2` });

    const blind = await put(server, 'BR01', { resource: { ...withoutId, gender: 'male' }, url: iinQuery(iin) });
    expect(blind.status).toBe(412);
    expect(outcomeOf(blind.body)).toMatchObject({ existing: `Patient/${pid}`, currentVersion: '2' });

    const other = await put(server, 'BR02', { resource: patient(newId(), iin), url: iinQuery(iin) });
    expect(other.status).toBe(409);
    expect(outcomeOf(other.body)).toMatchObject({ code: 'duplicate', existing: `Patient/${pid}` });
  });

  it('shows a patientless record only to the branch that wrote it', async () => {
    const id = newId();
    const event = {
      resourceType: 'AuditEvent',
      id,
      type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110114' },
      recorded: '2026-11-25T09:00:00Z',
      agent: [{ requestor: true, name: 'desk-1' }],
      source: { observer: { display: 'BR01 desk' } },
    };
    expect((await put(server, 'BR01', { resource: event })).status).toBe(200);
    expect((await call(server, 'BR01', 'GET', `/fhir/AuditEvent/${id}`)).status).toBe(200);
    expect((await call(server, 'BR02', 'GET', `/fhir/AuditEvent/${id}`)).status).toBe(404);
  });

  it('searches by identifier only, exactly, and logs every lookup without the value', async () => {
    expect((await call(server, 'BR02', 'GET', '/fhir/Patient')).status).toBe(400);
    expect((await call(server, 'BR02', 'GET', '/fhir/Patient?name=Ахметова')).status).toBe(400);
    expect((await call(server, 'BR02', 'GET', '/fhir/Consent?patient=x')).status).toBe(400);
    const iin = freshIin();
    const missing = await call(server, 'BR02', 'GET', `/fhir/${iinQuery(iin)}`);
    expect(missing.body).toMatchObject({ type: 'searchset', total: 0 });
    const partial = await call(server, 'BR02', 'GET', `/fhir/${iinQuery(iin.slice(0, 6))}`);
    expect(partial.body).toMatchObject({ total: 0 });
    const log = await server.admin.accessLog();
    expect(log.at(-1)).toMatchObject({ branch: 'BR02', patientId: null, matchCount: 0 });
    expect(JSON.stringify(log)).not.toContain(iin.slice(0, 6));
  });
});

describe('reads', () => {
  it('returns 404 OperationOutcomes for unknown types, ids, versions and routes', async () => {
    const pid = newId();
    await put(server, 'BR01', { resource: patient(pid, freshIin()) });
    for (const url of [
      `/fhir/Observation/${pid}`,
      `/fhir/Patient/${newId()}`,
      `/fhir/Patient/${pid}/_history/2`,
      `/fhir/Patient/${pid}/_history/x`,
      '/fhir/Patient/$everything/extra/more',
    ]) {
      const res = await call(server, 'BR01', 'GET', url);
      expect(res.status, url).toBe(404);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
    expect((await call(server, 'BR01', 'GET', `/fhir/Patient/${pid}/_history/1`)).status).toBe(200);
  });

  it('returns resources with resourceType first', async () => {
    const pid = newId();
    await put(server, 'BR01', { resource: patient(pid, freshIin()) });
    const res = await server.app.inject({
      method: 'GET',
      url: `/fhir/Patient/${pid}`,
      headers: { authorization: `Bearer ${TOKENS.BR01}` },
    });
    expect(res.body.startsWith('{"resourceType":"Patient"')).toBe(true);
    expect(res.headers['last-modified']).toMatch(/GMT$/);
  });
});
