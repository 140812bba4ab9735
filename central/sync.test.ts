import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from '../electron/core/fhir/systems.js';
import { ManualClock } from '../electron/core/clock.js';
import { openPglite, type SqlClient } from './db.js';
import { buildCentralServer, type CentralServer } from './server.js';
import { MIGRATIONS } from './schema.js';
import { call, consent, freshIin, newId, outcomeOf, patient, put, syncAll, TOKENS } from './test-support.js';

let server: CentralServer;
const clock = new ManualClock('2026-11-25T09:00:00.000Z');
beforeAll(async () => {
  server = await buildCentralServer({ branches: TOKENS, clock, maxPageSize: 5 });
});
afterAll(async () => {
  await server?.close();
});

async function registerAt(branch: 'BR01' | 'BR02') {
  const pid = newId();
  const cid = newId();
  const iin = freshIin();
  await put(server, branch, { resource: patient(pid, iin) }, { resource: consent(cid, pid) });
  return { pid, cid, iin };
}

describe('_history', () => {
  it('checks its parameters and caps _count at the configured maximum', async () => {
    for (const q of ['_since=2026-01-01T00:00:00Z', '_since=-1', '_count=abc', '_type=Patient', '_since=1&_since=2']) {
      const res = await call(server, 'BR01', 'GET', `/fhir/_history?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
    for (let i = 0; i < 4; i += 1) await registerAt('BR01');
    const res = await call(server, 'BR01', 'GET', '/fhir/_history?_count=1000');
    expect((res.body.entry as unknown[]).length).toBe(5);
    expect((res.body.link as { relation: string }[]).map((l) => l.relation)).toContain('next');
  });

  it("delivers a branch's own writes and nothing of another branch's patients", async () => {
    const start = await syncAll(server, 'BR02', 5);
    const mine = await registerAt('BR02');
    await registerAt('BR01');
    const after = await syncAll(server, 'BR02', 5, start.cursor);
    expect(after.seen).toEqual([`Patient/${mine.pid}@W/"1"`, `Consent/${mine.cid}@W/"1"`]);
  });

  it('brings a looked-up patient and their records, once, to the branch that looked them up', async () => {
    const theirs = await registerAt('BR01');
    await put(server, 'BR01', { resource: consent(theirs.cid, theirs.pid, 'inactive') });
    const start = await syncAll(server, 'BR02', 5);
    const q = encodeURIComponent(`${FHIR_SYSTEMS.iin}|${theirs.iin}`);
    await call(server, 'BR02', 'GET', `/fhir/Patient?identifier=${q}`);
    await call(server, 'BR02', 'GET', `/fhir/Patient?identifier=${q}`);
    const after = await syncAll(server, 'BR02', 5, start.cursor);
    expect(after.seen).toEqual([`Patient/${theirs.pid}@W/"1"`, `Consent/${theirs.cid}@W/"2"`]);
  });
});

describe('edits at the central system', () => {
  it('bumps the version, reaches every branch that sees the patient, and makes stale updates conflict', async () => {
    const { pid, iin } = await registerAt('BR01');
    await call(server, 'BR02', 'GET', `/fhir/Patient?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.iin}|${iin}`)}`);
    const before1 = await syncAll(server, 'BR01', 5);
    const before2 = await syncAll(server, 'BR02', 5);

    clock.advance(60_000);
    const { version } = await server.admin.editResource('Patient', pid, (p) => ({ ...p, gender: 'other' }));
    expect(version).toBe(2);
    const read = await call(server, 'BR01', 'GET', `/fhir/Patient/${pid}`);
    expect(read.body).toMatchObject({ gender: 'other', meta: { versionId: '2', lastUpdated: '2026-11-25T09:01:00.000Z' } });
    expect((await syncAll(server, 'BR01', 5, before1.cursor)).seen).toEqual([`Patient/${pid}@W/"2"`]);
    expect((await syncAll(server, 'BR02', 5, before2.cursor)).seen).toEqual([`Patient/${pid}@W/"2"`]);

    const stale = await put(server, 'BR01', { resource: patient(pid, iin, 'Офлайн'), ifMatch: 1 });
    expect(stale.status).toBe(412);
    expect(outcomeOf(stale.body)).toMatchObject({ expression: 'Bundle.entry[0]', currentVersion: '2' });
  });

  it('refuses an invalid central edit', async () => {
    const { pid } = await registerAt('BR01');
    await expect(server.admin.editResource('Patient', pid, (p) => ({ ...p, gender: 42 }))).rejects.toThrow();
    expect(await server.admin.countVersions('Patient', pid)).toBe(1);
  });

  it('propagates a deletion: reads answer 410, writes 410, and _history carries a DELETE', async () => {
    const { pid, cid } = await registerAt('BR01');
    const start = await syncAll(server, 'BR01', 5);
    await server.admin.deleteResource('Consent', cid);
    expect((await call(server, 'BR01', 'GET', `/fhir/Consent/${cid}`)).status).toBe(410);
    expect((await call(server, 'BR01', 'GET', `/fhir/Consent/${cid}/_history/1`)).status).toBe(410);
    const res = await call(server, 'BR01', 'GET', `/fhir/_history?_since=${start.cursor}`);
    expect(res.body.entry).toEqual([
      expect.objectContaining({ request: { method: 'DELETE', url: `Consent/${cid}` } }),
    ]);
    expect((res.body.entry as Record<string, unknown>[])[0]?.resource).toBeUndefined();
    const again = await put(server, 'BR01', { resource: consent(cid, pid) });
    expect(again.status).toBe(410);
    expect(await server.admin.countVersions('Consent', cid)).toBe(2);
  });

  it('forgets a deleted patient in identifier lookups', async () => {
    const { pid, iin } = await registerAt('BR01');
    await server.admin.deleteResource('Patient', pid);
    const q = encodeURIComponent(`${FHIR_SYSTEMS.iin}|${iin}`);
    expect((await call(server, 'BR02', 'GET', `/fhir/Patient?identifier=${q}`)).body).toMatchObject({ total: 0 });
  });
});

describe('branch credentials', () => {
  let sql: SqlClient;
  beforeAll(async () => {
    sql = await openPglite();
  });
  afterAll(async () => {
    await sql?.close();
  });

  it('accepts a token given as its SHA-256 and revokes branches dropped from the configuration', async () => {
    const sha256 = createHash('sha256').update(TOKENS.BR02).digest('hex');
    const first = await buildCentralServer({ sql, branches: { BR01: TOKENS.BR01, BR02: { sha256 } } });
    expect((await call(first, 'BR02', 'GET', '/fhir/_history')).status).toBe(200);
    await first.close();

    const second = await buildCentralServer({ sql, branches: { BR02: TOKENS.BR02 } });
    expect((await call(second, 'BR01', 'GET', '/fhir/_history')).status).toBe(401);
    expect((await call(second, 'BR02', 'GET', '/fhir/_history')).status).toBe(200);
    const rows = await sql.query<{ code: string; active: boolean }>(
      'SELECT code, token_hash IS NOT NULL AS active FROM branch ORDER BY code',
    );
    expect(rows).toEqual([
      { code: 'BR01', active: false },
      { code: 'BR02', active: true },
    ]);
    await second.close();
  });

  it('answers a database failure with a bare 500 and reports only its class and SQLSTATE', async () => {
    const reports: unknown[] = [];
    const broken = await buildCentralServer({ sql, branches: TOKENS, onInternalError: (s) => reports.push(s) });
    await sql.query('ALTER TABLE branch_feed RENAME TO branch_feed_gone');
    try {
      const res = await call(broken, 'BR01', 'GET', '/fhir/_history');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'exception', diagnostics: 'internal error' }],
      });
      expect(reports).toEqual([{ name: expect.any(String), sqlState: '42P01' }]);
    } finally {
      await sql.query('ALTER TABLE branch_feed_gone RENAME TO branch_feed');
      await broken.close();
    }
  });

  it('refuses weak tokens and odd branch codes at start', async () => {
    await expect(buildCentralServer({ sql, branches: { BR01: 'token1' } })).rejects.toThrow(/shorter/);
    await expect(buildCentralServer({ sql, branches: { 'BR 01': TOKENS.BR01 } })).rejects.toThrow(/branch code/);
  });
});

describe('PGlite data directory', () => {
  it('keeps resources and the schema across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'central-data-'));
    try {
      const pid = newId();
      const first = await buildCentralServer({ branches: TOKENS, dataDir: dir });
      expect((await put(first, 'BR01', { resource: patient(pid, freshIin()) })).status).toBe(200);
      await first.close();

      const second = await buildCentralServer({ branches: TOKENS, dataDir: dir });
      try {
        const read = await call(second, 'BR01', 'GET', `/fhir/Patient/${pid}`);
        expect(read.status).toBe(200);
        expect(await second.sql.query('SELECT version FROM schema_migration ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
