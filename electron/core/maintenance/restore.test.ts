import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';
import { SECRET_NAME, setUpDesk, sha256Of, tempDir } from './test-helpers.js';

const ADMIN_PW = SAMPLE_SETUP.admin.password;
const fixtures: DeskFixture[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dir(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
}

async function backupOfNewDesk(): Promise<{ fx: DeskFixture; out: string; auditIds: string[] }> {
  const fx = await setUpDesk();
  fixtures.push(fx);
  const auditIds = fx.desk.store().audit.list({ limit: 500 }).map((r) => r.id);
  const out = path.join(dir('bk-'), 'backup');
  await createBackup(fx.desk, out);
  return { fx, out, auditIds };
}

describe('restoreBackup', () => {
  it('restores into a new folder where staff sign in and find the same staff and audit entries', async () => {
    const { fx, out, auditIds } = await backupOfNewDesk();
    const target = path.join(dir('restore-'), 'data');
    const r = await restoreBackup(out, target, ADMIN_PW);
    expect(r).toMatchObject({ storeId: fx.desk.store().keyring.storeId, staffCount: 2, replacedDir: null });
    const restored = makeDesk(target);
    fixtures.push(restored);
    const c = restored.client();
    expectOk(await c.call('auth.login', { login: 'admin', password: ADMIN_PW }));
    const staff = expectOk(await c.call('staff.list', {}));
    expect(staff.map((s) => s.fullName).sort()).toEqual([SAMPLE_SETUP.admin.fullName, SECRET_NAME].sort());
    const restoredIds = restored.desk.store().audit.list({ limit: 500 }).map((r) => r.id);
    expect(auditIds.length).toBeGreaterThan(2);
    for (const id of auditIds) expect(restoredIds).toContain(id);
    expect(restored.desk.store().audit.list({ action: 'backup.restored', limit: 5 })).toHaveLength(1);
    expect(restored.desk.store().audit.verify().valid).toBe(true);
    // Another staff member's password works too: the keyring came along whole.
    expectOk(await restored.client().call('auth.login', { login: 'aigerim', password: 'temporary-pass-1' }));
  });

  it('refuses a backup with one flipped byte in store.db and leaves the target untouched', async () => {
    const { out } = await backupOfNewDesk();
    const file = path.join(out, 'store.db');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    const target = path.join(dir('restore-'), 'data');
    await expect(restoreBackup(out, target, ADMIN_PW)).rejects.toMatchObject({ code: 'backup.invalid', details: { reason: 'checksum' } });
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a wrong password, a missing manifest, and a non-admin', async () => {
    const { out } = await backupOfNewDesk();
    const target = path.join(dir('restore-'), 'data');
    await expect(restoreBackup(out, target, 'not the password')).rejects.toMatchObject({ code: 'auth.wrongCredentials' });
    await expect(restoreBackup(out, target, 'temporary-pass-1')).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(existsSync(path.join(target, 'store.db'))).toBe(false);
    rmSync(path.join(out, 'manifest.json'));
    await expect(restoreBackup(out, target, ADMIN_PW)).rejects.toMatchObject({ code: 'backup.invalid' });
  });

  it('refuses a folder with a store unless forced, and then moves the old store aside', async () => {
    const { out } = await backupOfNewDesk();
    const other = makeDesk();
    fixtures.push(other);
    expectOk(await other.client().call('setup.run', { ...SAMPLE_SETUP, branch: { ...SAMPLE_SETUP.branch, code: 'AST-02' } }));
    other.desk.close();
    const oldStore = sha256Of(path.join(other.dir, 'store.db'));
    const oldKeyring = sha256Of(path.join(other.dir, 'keyring.json'));
    await expect(restoreBackup(out, other.dir, ADMIN_PW)).rejects.toMatchObject({ code: 'store.exists' });
    expect(sha256Of(path.join(other.dir, 'store.db'))).toBe(oldStore);

    const r = await restoreBackup(out, other.dir, ADMIN_PW, { force: true });
    expect(r.replacedDir).toMatch(/^replaced-/);
    const aside = path.join(other.dir, r.replacedDir!);
    expect(sha256Of(path.join(aside, 'store.db'))).toBe(oldStore);
    expect(sha256Of(path.join(aside, 'keyring.json'))).toBe(oldKeyring);
    expect(readdirSync(other.dir).filter((n) => n.startsWith('.restore-'))).toEqual([]);
    const c = other.client();
    expectOk(await c.call('auth.login', { login: 'admin', password: ADMIN_PW }));
    expect(other.desk.branch().code).toBe(SAMPLE_SETUP.branch.code);
  });
});
