import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../api/handler.js';
import { maintenanceHandlers } from '../api/handlers/maintenance.js';
import { parseInput } from '../api/validation.js';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';
import { storeStats } from './stats.js';
import { SECRET_NAME, setUpDesk, tempDir } from './test-helpers.js';

let fx: DeskFixture | undefined;
const dirs: string[] = [];
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('storeStats', () => {
  it('counts tables, reports cipher, schema and the audit head, without personal data', async () => {
    fx = await setUpDesk();
    const s = storeStats(fx.desk);
    expect(s.tables.staff).toBe(2);
    expect(s.audit.entries).toBe(s.tables.audit_log);
    expect(s.audit.headSeq).toBe(s.audit.entries);
    expect(s.audit.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.cipher).toEqual({ active: 'aegis', recorded: 'aegis', keyring: 'aegis' });
    expect(s.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(s.files.storeBytes).toBeGreaterThan(0);
    expect(JSON.stringify(s)).not.toContain(SECRET_NAME);
  });
});

describe('maintenance handlers', () => {
  it('are for admins, validate the folder, and record who made the backup', async () => {
    fx = makeDesk();
    const c = fx.client();
    const view = expectOk(await c.call('setup.run', SAMPLE_SETUP));
    const ctx: HandlerContext = { desk: fx.desk, session: c.session, transport: 'test' };
    const backup = maintenanceHandlers['backup.create'];
    expect(backup.access).toBe('backup.run');
    expect(maintenanceHandlers['store.stats'].access).toBe('backup.run');
    expect(() => parseInput(backup.input, { outDir: 'relative/folder' })).toThrow(expect.objectContaining({ code: 'validation' }));
    const base = tempDir('handler-');
    dirs.push(base);
    const manifest = await backup.run(ctx, parseInput(backup.input, { outDir: path.join(base, 'b') }));
    expect(manifest.format).toBe(1);
    const entry = fx.desk.store().audit.list({ action: 'backup.created', limit: 1 })[0];
    expect(entry?.staff_id).toBe(view.signedIn ? view.staff.id : null);
    expect((await maintenanceHandlers['store.stats'].run(ctx, {})).tables.staff).toBe(1);
  });
});
