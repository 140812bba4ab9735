import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_NAME, setUpDesk, tempDir } from '../core/maintenance/test-helpers.js';
import { openStore } from '../core/store/database.js';
import { expectOk, SAMPLE_SETUP, type DeskFixture } from '../core/testing/desk-fixture.js';
import { jsonOf, runAdmin, snapshot } from './test-support.js';

const PW = SAMPLE_SETUP.admin.password;
const fixtures: DeskFixture[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('admin init and verify-audit', () => {
  it('init then verify-audit --json reports a valid chain (through npm run admin)', async () => {
    const base = tempDir('cli-');
    dirs.push(base);
    const data = path.join(base, 'data');
    const init = await runAdmin(
      ['init', '--data', data, '--branch-name', 'Алматы, Абая 10', '--admin-login', 'admin', '--admin-name', SECRET_NAME, '--json', '--scrypt-n', '16384'],
      [PW],
      'npm',
    );
    expect(init.code).toBe(0);
    const out = jsonOf(init);
    expect(out).toMatchObject({ setupDone: true, cipher: 'aegis', branchCode: 'BR-01' });
    expect(init.stderr).toContain('placeholder BIN 160440012346');
    expect(init.stdout + init.stderr).not.toContain(SECRET_NAME);

    const verify = await runAdmin(['verify-audit', '--data', data, '--json'], [PW], 'npm');
    expect(verify.code).toBe(0);
    expect(jsonOf(verify)).toMatchObject({ valid: true, entries: expect.any(Number), problems: [] });

    const human = await runAdmin(['verify-audit', '--data', data, '--login', 'admin'], [PW]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^audit chain valid: \d+ entries/);
  });

  it('init refuses an invalid BIN and a short password with validation codes', async () => {
    const base = tempDir('cli-');
    dirs.push(base);
    const data = path.join(base, 'data');
    const args = ['init', '--data', data, '--branch-name', 'X', '--admin-login', 'admin', '--admin-name', 'Y', '--json', '--scrypt-n', '16384'];
    const bad = await runAdmin([...args, '--bin', '160440012347'], [PW]);
    expect(bad.code).toBe(1);
    expect(jsonOf(bad)).toEqual({ error: { code: 'validation', issues: [{ path: 'operator.bin', code: 'bin.checksum' }] } });
    const short = await runAdmin(args, ['short']);
    expect(jsonOf(short)).toMatchObject({ error: { code: 'validation', issues: [{ path: 'admin.password', code: 'validation.passwordTooShort' }] } });
    expect(existsSync(path.join(data, 'keyring.json'))).toBe(false);
  });

  it('usage errors exit with 2', async () => {
    expect((await runAdmin(['nope', '--json'], [])).code).toBe(2);
    const r = await runAdmin(['stats', '--json'], [PW]);
    expect(r.code).toBe(2);
    expect(jsonOf(r)).toMatchObject({ error: { code: 'usage' } });
  });
});

describe('a wrong password or key changes nothing', () => {
  it('verify-audit with a wrong password fails with auth.wrongCredentials and leaves every byte as it was', async () => {
    const fx = await setUpDesk();
    fixtures.push(fx);
    // The desk stays open, so a -wal file exists and is part of what must not change.
    expect(existsSync(`${fx.desk.storeFile}-wal`)).toBe(true);
    const before = snapshot(fx.dir);
    for (const args of [[], ['--login', 'admin'], ['--login', 'nobody']]) {
      const r = await runAdmin(['verify-audit', '--data', fx.dir, '--json', ...args], ['wrong password 123']);
      expect(r.code).toBe(1);
      expect(jsonOf(r)).toEqual({ error: { code: 'auth.wrongCredentials' } });
      expect(snapshot(fx.dir)).toEqual(before);
    }
  });

  it('openStore with a wrong raw data key throws store.wrongKey and writes nothing', async () => {
    const fx = await setUpDesk();
    fixtures.push(fx);
    fx.desk.close();
    const before = snapshot(fx.dir);
    expect(() => openStore({ file: fx.desk.storeFile, key: randomBytes(32), cipher: 'aegis' })).toThrow(expect.objectContaining({ code: 'store.wrongKey' }));
    expect(() => openStore({ file: fx.desk.storeFile, key: randomBytes(32), cipher: 'chacha20' })).toThrow(expect.objectContaining({ code: 'store.wrongKey' }));
    expect(snapshot(fx.dir)).toEqual(before);
  });

  it('refuses a receptionist, whose password is right but who may not verify the log', async () => {
    const fx = await setUpDesk();
    fixtures.push(fx);
    const c = fx.client();
    expectOk(await c.call('auth.login', { login: 'admin', password: PW }));
    expectOk(await c.call('staff.create', { login: 'dana', fullName: 'Дана', role: 'receptionist', temporaryPassword: 'reception-pass-1' }));
    fx.desk.close();
    const r = await runAdmin(['verify-audit', '--data', fx.dir, '--json'], ['reception-pass-1']);
    expect(jsonOf(r)).toMatchObject({ error: { code: 'auth.forbidden' } });
    expect(r.code).toBe(1);
  });
});
