/**
 * The behaviour every deployment of the central server must have, written once and run
 * against each database: PGlite in `core.test.ts`, a real PostgreSQL in `pg.integration.test.ts`.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from '../electron/core/fhir/systems.js';
import type { CentralServer } from './server.js';
import { call, consent, entryResponses, freshIin, newId, outcomeOf, patient, put, syncAll } from './test-support.js';

export function defineCoreBehaviour(label: string, open: () => Promise<CentralServer>): void {
  describe(`central server core behaviour (${label})`, () => {
    let server: CentralServer;
    beforeAll(async () => {
      server = await open();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('serves the CapabilityStatement without a token, as application/fhir+json', async () => {
      const res = await call(server, null, 'GET', '/fhir/metadata');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^application\/fhir\+json/);
      expect(res.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    });

    it('refuses everything else without a valid token (401 OperationOutcome)', async () => {
      for (const url of ['/fhir/_history', '/fhir/Patient/abc', '/fhir/Patient?identifier=x|1', '/fhir/nowhere']) {
        const res = await call(server, null, 'GET', url);
        expect(res.status, url).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(outcomeOf(res.body)).toMatchObject({ resourceType: 'OperationOutcome', code: 'login' });
      }
      const bad = await server.app.inject({
        method: 'POST',
        url: '/fhir',
        headers: { authorization: 'Bearer not-a-branch-token-at-all-000000', 'content-type': 'application/fhir+json' },
        payload: '{}',
      });
      expect(bad.statusCode).toBe(401);
    });

    it('creates resources in a transaction: 201, etag, lastModified, location', async () => {
      const pid = newId();
      const cid = newId();
      const res = await put(server, 'BR01', { resource: patient(pid, freshIin()) }, { resource: consent(cid, pid) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
      const [p, c] = entryResponses(res.body);
      expect(p).toMatchObject({ status: '201 Created', etag: 'W/"1"', location: `Patient/${pid}/_history/1` });
      expect(c).toMatchObject({ status: '201 Created', etag: 'W/"1"', location: `Consent/${cid}/_history/1` });
      expect(Date.parse(p?.lastModified ?? '')).not.toBeNaN();

      const read = await call(server, 'BR01', 'GET', `/fhir/Patient/${pid}`);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('W/"1"');
      expect(read.body).toMatchObject({ resourceType: 'Patient', id: pid, meta: { versionId: '1' } });
    });

    it('applies a versioned update, and fails the whole bundle with 412 on a stale If-Match', async () => {
      const pid = newId();
      const iin = freshIin();
      await put(server, 'BR01', { resource: patient(pid, iin) });
      const ok = await put(server, 'BR01', { resource: patient(pid, iin, 'Иванова'), ifMatch: 1 });
      expect(entryResponses(ok.body)[0]).toMatchObject({ status: '200 OK', etag: 'W/"2"' });

      const other = newId();
      const stale = await put(
        server,
        'BR01',
        { resource: consent(other, pid) },
        { resource: patient(pid, iin, 'Петрова'), ifMatch: 1 },
      );
      expect(stale.status).toBe(412);
      expect(outcomeOf(stale.body)).toMatchObject({
        resourceType: 'OperationOutcome',
        code: 'conflict',
        expression: 'Bundle.entry[1]',
        currentVersion: '2',
        existing: `Patient/${pid}`,
      });
      expect(await server.admin.read('Consent', other)).toBeUndefined();
      expect(await server.admin.countVersions('Patient', pid)).toBe(2);
      const v1 = await call(server, 'BR01', 'GET', `/fhir/Patient/${pid}/_history/1`);
      expect(v1.body).toMatchObject({ name: [{ family: 'Ахметова' }], meta: { versionId: '1' } });
    });

    it('answers a replayed PUT with 200 and the current version, writing nothing', async () => {
      const pid = newId();
      const iin = freshIin();
      const first = patient(pid, iin);
      await put(server, 'BR01', { resource: first });
      const again = await put(server, 'BR01', { resource: first });
      expect(again.status).toBe(200);
      expect(entryResponses(again.body)[0]).toMatchObject({ status: '200 OK', etag: 'W/"1"' });
      expect(await server.admin.countVersions('Patient', pid)).toBe(1);

      await put(server, 'BR01', { resource: patient(pid, iin, 'Жанова'), ifMatch: 1 });
      // The lost response of the very first create, retried after a newer version exists,
      // and with server meta the client copied from an earlier answer.
      const late = await put(server, 'BR01', { resource: { ...first, meta: { versionId: '1', lastUpdated: '2020-01-01T00:00:00Z' } }, ifMatch: 1 });
      expect(late.status).toBe(200);
      expect(entryResponses(late.body)[0]).toMatchObject({ status: '200 OK', etag: 'W/"2"', location: `Patient/${pid}/_history/2` });
      expect(await server.admin.countVersions('Patient', pid)).toBe(2);
    });

    it('refuses a blind overwrite of a Patient but lets a Consent be updated without If-Match', async () => {
      const pid = newId();
      const iin = freshIin();
      const cid = newId();
      await put(server, 'BR01', { resource: patient(pid, iin) }, { resource: consent(cid, pid) });
      const blind = await put(server, 'BR01', { resource: patient(pid, iin, 'Другая') });
      expect(blind.status).toBe(412);
      expect(outcomeOf(blind.body)).toMatchObject({ code: 'conflict', expression: 'Bundle.entry[0]', currentVersion: '1' });
      const withdrawn = await put(server, 'BR01', { resource: consent(cid, pid, 'inactive') });
      expect(entryResponses(withdrawn.body)[0]).toMatchObject({ status: '200 OK', etag: 'W/"2"' });
    });

    it('keeps one patient per IIN: a second branch gets 409 naming the existing patient', async () => {
      const iin = freshIin();
      const first = newId();
      await put(server, 'BR01', { resource: patient(first, iin) });
      const before = await server.admin.countResources('Patient');
      const second = newId();
      const dup = await put(server, 'BR02', { resource: patient(second, iin, 'Ахметова') });
      expect(dup.status).toBe(409);
      expect(outcomeOf(dup.body)).toMatchObject({
        resourceType: 'OperationOutcome',
        code: 'duplicate',
        expression: 'Bundle.entry[0]',
        existing: `Patient/${first}`,
      });
      expect(outcomeOf(dup.body).diagnostics).toContain(first);
      expect(outcomeOf(dup.body).diagnostics).not.toContain(iin);
      expect(await server.admin.read('Patient', second)).toBeUndefined();
      expect(await server.admin.countResources('Patient')).toBe(before);
    });

    it('rejects an invalid resource with 400 and writes nothing', async () => {
      const pid = newId();
      const bad = { ...patient(pid, freshIin()), birthDate: '01.01.1990', nickname: 'x' };
      const res = await put(server, 'BR01', { resource: bad });
      expect(res.status).toBe(400);
      const o = outcomeOf(res.body);
      expect(o.resourceType).toBe('OperationOutcome');
      expect(o.expression).toMatch(/^Bundle\.entry\[0\]\.resource\./);
      expect(await server.admin.read('Patient', pid)).toBeUndefined();
    });

    it('shows a patient to another branch only after it looks the patient up by identifier', async () => {
      const iin = freshIin();
      const pid = newId();
      const cid = newId();
      await put(server, 'BR01', { resource: patient(pid, iin) }, { resource: consent(cid, pid) });
      expect((await call(server, 'BR02', 'GET', `/fhir/Patient/${pid}`)).status).toBe(404);
      expect((await call(server, 'BR02', 'GET', `/fhir/Consent/${cid}`)).status).toBe(404);
      const foreign = await put(server, 'BR02', { resource: consent(newId(), pid) });
      expect(foreign.status).toBe(403);

      const q = encodeURIComponent(`${FHIR_SYSTEMS.iin}|${iin}`);
      const found = await call(server, 'BR02', 'GET', `/fhir/Patient?identifier=${q}`);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
      expect((found.body as unknown as Bundle).entry?.[0]?.resource?.id).toBe(pid);

      expect((await call(server, 'BR02', 'GET', `/fhir/Patient/${pid}`)).status).toBe(200);
      expect((await call(server, 'BR02', 'GET', `/fhir/Consent/${cid}`)).status).toBe(200);
      expect(await server.admin.branchesSeeing(pid)).toEqual(['BR01', 'BR02']);
      const log = await server.admin.accessLog();
      expect(log.filter((r) => r.patientId === pid)).toEqual([
        expect.objectContaining({ branch: 'BR02', action: 'patient-lookup', identifierSystem: FHIR_SYSTEMS.iin, matchCount: 1 }),
      ]);
      expect(JSON.stringify(log)).not.toContain(iin);
    });

    it('pages _history so that every change arrives exactly once', async () => {
      const start = await syncAll(server, 'BR02', 1000);
      const expected: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        const pid = newId();
        const cid = newId();
        await put(server, 'BR02', { resource: patient(pid, freshIin()) }, { resource: consent(cid, pid) });
        expected.push(`Patient/${pid}@W/"1"`, `Consent/${cid}@W/"1"`);
      }
      const firstPages = await syncAll(server, 'BR02', 3, start.cursor);
      expect(firstPages.seen).toEqual(expected);
      expect(firstPages.pages).toBeGreaterThanOrEqual(5);
      const empty = await syncAll(server, 'BR02', 3, firstPages.cursor);
      expect(empty.seen).toEqual([]);
      expect(empty.cursor).toBe(firstPages.cursor);
    });

    it('gives concurrent writers a history without gaps or repeats', async () => {
      const startA = await syncAll(server, 'BR01', 1000);
      const ids = Array.from({ length: 12 }, () => newId());
      const results = await Promise.all(
        ids.map((id, i) => put(server, i % 2 === 0 ? 'BR01' : 'BR02', { resource: patient(id, freshIin()) })),
      );
      expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
      const mine = ids.filter((_, i) => i % 2 === 0).map((id) => `Patient/${id}@W/"1"`);
      const after = await syncAll(server, 'BR01', 2, startA.cursor);
      expect([...after.seen].sort()).toEqual([...mine].sort());
    });

    it('lets exactly one of two racing updates from the same version win; the other gets 412', async () => {
      const pid = newId();
      const iin = freshIin();
      await put(server, 'BR01', { resource: patient(pid, iin) });
      const [a, b] = await Promise.all([
        put(server, 'BR01', { resource: patient(pid, iin, 'Первая'), ifMatch: 1 }),
        put(server, 'BR01', { resource: patient(pid, iin, 'Вторая'), ifMatch: 1 }),
      ]);
      expect([a?.status, b?.status].sort()).toEqual([200, 412]);
      const loser = a?.status === 412 ? a : b;
      expect(outcomeOf(loser?.body ?? {})).toMatchObject({ expression: 'Bundle.entry[0]', currentVersion: '2' });
    });

    it('lets exactly one of two branches racing to register the same IIN win; the other gets 409', async () => {
      const iin = freshIin();
      const [x, y] = [newId(), newId()];
      const [a, b] = await Promise.all([
        put(server, 'BR01', { resource: patient(x, iin) }),
        put(server, 'BR02', { resource: patient(y, iin) }),
      ]);
      expect([a?.status, b?.status].sort()).toEqual([200, 409]);
      const winner = a?.status === 200 ? x : y;
      const loser = a?.status === 409 ? a : b;
      expect(outcomeOf(loser?.body ?? {})).toMatchObject({ code: 'duplicate', existing: `Patient/${winner}` });
    });

    it('delivers every change exactly once to a branch that syncs while others write', async () => {
      const start = await syncAll(server, 'BR01', 1000);
      const written: string[] = [];
      let done = false;
      const statuses: number[] = [];
      const writers = (async () => {
        const batches = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => newId()));
        for (const batch of batches) {
          await Promise.all(
            batch.map(async (id) => {
              const res = await put(server, 'BR01', { resource: patient(id, freshIin()) });
              statuses.push(res.status);
              written.push(`Patient/${id}@W/"1"`);
            }),
          );
        }
      })().finally(() => {
        done = true;
      });
      const received: string[] = [];
      let cursor = start.cursor;
      // Keep syncing while the writers run, then once more to collect the tail. Each round
      // yields to the event loop as a client polling over the network would; a loop of
      // in-process calls alone would never let the writers' requests in.
      for (let settled = false; !settled; ) {
        settled = done;
        await new Promise((resolve) => setImmediate(resolve));
        const page = await syncAll(server, 'BR01', 4, cursor);
        received.push(...page.seen);
        cursor = page.cursor;
      }
      await writers;
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(received.length).toBe(new Set(received).size);
      expect([...received].sort()).toEqual([...written].sort());
    });
  });
}
