import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring } from '../core/keys/keyring.js';
import { rekeyStore } from '../core/maintenance/rekey.js';
import { containsUtf8, SECRET_NAME, setUpDesk, tempDir } from '../core/maintenance/test-helpers.js';
import { openStore, type CipherName } from '../core/store/database.js';
import { makeDesk, SAMPLE_SETUP, type DeskFixture } from '../core/testing/desk-fixture.js';
import { jsonOf, runAdmin, snapshot } from './test-support.js';

const PW = SAMPLE_SETUP.admin.password;
const fixtures: DeskFixture[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const f of fixtures.splice(0)) f.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function closedDesk(): Promise<DeskFixture> {
  const fx = await setUpDesk();
  fixtures.push(fx);
  fx.desk.close();
  return fx;
}

function scratch(): string {
  const d = tempDir('cli-');
  dirs.push(d);
  return d;
}

describe('admin backup and restore', () => {
  it('backs up, restores into a new folder, and the same staff and audit entries are there', async () => {
    const fx = await closedDesk();
    const out = path.join(scratch(), 'backup');
    const b = await runAdmin(['backup', '--data', fx.dir, '--out', out, '--json'], [PW]);
    expect(b.code).toBe(0);
    expect(jsonOf(b)).toMatchObject({ manifest: { format: 1, cipher: 'aegis' }, progressMode: 'worker' });
    expect(b.stderr).toContain('backup: 100%');
    expect(readFileSync(path.join(out, 'store.db')).length).toBeGreaterThan(0);
    for (const f of ['store.db', 'keyring.json', 'manifest.json']) expect(containsUtf8(path.join(out, f), SECRET_NAME)).toBe(false);

    const target = path.join(scratch(), 'restored');
    const r = await runAdmin(['restore', '--data', target, '--from', out, '--json'], [PW]);
    expect(r.code).toBe(0);
    expect(jsonOf(r)).toMatchObject({ restored: true, staffCount: 2, replacedDir: null });

    await fx.desk.signIn('admin', PW);
    const sourceIds = fx.desk.store().audit.list({ limit: 500, action: 'staff.created' }).map((e) => e.id);
    fx.desk.close();
    const restored = makeDesk(target);
    fixtures.push(restored);
    await restored.desk.signIn('admin', PW);
    const store = restored.desk.store();
    expect(store.staff.list().map((s) => s.fullName)).toContain(SECRET_NAME);
    expect(store.audit.list({ limit: 500, action: 'staff.created' }).map((e) => e.id)).toEqual(sourceIds);
    expect(store.audit.list({ limit: 5, action: 'backup.restored' })).toHaveLength(1);

    const again = await runAdmin(['restore', '--data', target, '--from', out, '--json'], [PW]);
    expect(jsonOf(again)).toEqual({ error: { code: 'store.exists' } });
  });

  it('refuses a backup with one flipped byte', async () => {
    const fx = await closedDesk();
    const out = path.join(scratch(), 'backup');
    expect((await runAdmin(['backup', '--data', fx.dir, '--out', out], [PW])).code).toBe(0);
    const bad = path.join(scratch(), 'tampered');
    cpSync(out, bad, { recursive: true });
    const bytes = readFileSync(path.join(bad, 'store.db'));
    bytes[bytes.length - 100]! ^= 0x80;
    writeFileSync(path.join(bad, 'store.db'), bytes);
    const r = await runAdmin(['restore', '--data', path.join(scratch(), 'x'), '--from', bad, '--json'], [PW]);
    expect(r.code).toBe(1);
    expect(jsonOf(r)).toEqual({ error: { code: 'backup.invalid', details: { reason: 'checksum' } } });
  });

  it('restore --force moves the existing store aside', async () => {
    const fx = await closedDesk();
    const out = path.join(scratch(), 'backup');
    expect((await runAdmin(['backup', '--data', fx.dir, '--out', out], [PW])).code).toBe(0);
    const before = snapshot(fx.dir);
    const refused = await runAdmin(['restore', '--data', fx.dir, '--from', out, '--json'], [PW]);
    expect(jsonOf(refused)).toEqual({ error: { code: 'store.exists' } });
    expect(snapshot(fx.dir)).toEqual(before);
    const forced = jsonOf(await runAdmin(['restore', '--data', fx.dir, '--from', out, '--force', '--json'], [PW]));
    const aside = snapshot(path.join(fx.dir, String(forced.replacedDir)));
    expect(aside['store.db']).toBe(before['store.db']);
    expect(aside['keyring.json']).toBe(before['keyring.json']);
  });
});

describe('admin rekey and stats', () => {
  async function diskKeys(dir: string): Promise<{ cipher: CipherName; dataKey: Buffer }> {
    const keyring = Keyring.load(dir, null);
    return { cipher: keyring.cipher, dataKey: (await keyring.unlock('admin', PW)).dataKey };
  }

  it('aegis → chacha20 → aegis with a new key: opens each time, old key refused, stats follow', async () => {
    const fx = await closedDesk();
    const first = await diskKeys(fx.dir);
    const toChacha = await runAdmin(['rekey', '--data', fx.dir, '--cipher', 'chacha20', '--json'], [PW]);
    expect(jsonOf(toChacha)).toEqual({ cipher: 'chacha20', previousCipher: 'aegis', newKey: false });
    const stats1 = jsonOf(await runAdmin(['stats', '--data', fx.dir, '--json'], [PW]));
    expect(stats1).toMatchObject({ cipher: { active: 'chacha20', recorded: 'chacha20', keyring: 'chacha20' }, tables: { staff: 2 } });

    const back = await runAdmin(['rekey', '--data', fx.dir, '--cipher', 'aegis', '--new-key', '--json'], [PW]);
    expect(jsonOf(back)).toEqual({ cipher: 'aegis', previousCipher: 'chacha20', newKey: true });
    const stats2 = jsonOf(await runAdmin(['stats', '--data', fx.dir, '--json'], [PW]));
    expect(stats2).toMatchObject({ cipher: { active: 'aegis', recorded: 'aegis', keyring: 'aegis' } });

    const now = await diskKeys(fx.dir);
    expect(now.dataKey.equals(first.dataKey)).toBe(false);
    for (const cipher of ['aegis', 'chacha20'] as const) {
      expect(() => openStore({ file: fx.desk.storeFile, key: first.dataKey, cipher })).toThrow(expect.objectContaining({ code: 'store.wrongKey' }));
    }
    const db = openStore({ file: fx.desk.storeFile, key: now.dataKey, cipher: now.cipher, readonly: true });
    try {
      expect(db.prepare('SELECT 1 FROM staff WHERE full_name = ?').get(SECRET_NAME)).toBeTruthy();
    } finally {
      db.close();
    }
    const verify = await runAdmin(['verify-audit', '--data', fx.dir, '--json'], [PW]);
    expect(jsonOf(verify)).toMatchObject({ valid: true });
  });

  it('finishes a rekey that was interrupted after SQLite switched keys, on the next sign-in', async () => {
    const fx = await setUpDesk();
    fixtures.push(fx);
    const crash = new Error('power cut');
    expect(() => rekeyStore(fx.desk, { cipher: 'chacha20', newKey: true }, { afterSqliteRekey: () => { throw crash; } })).toThrow(crash);
    fx.desk.close();
    expect(existsSync(path.join(fx.dir, 'rekey-pending', 'keyring.json'))).toBe(true);
    const stats = await runAdmin(['stats', '--data', fx.dir, '--json'], [PW]);
    expect(jsonOf(stats)).toMatchObject({ cipher: { active: 'chacha20', keyring: 'chacha20' }, tables: { staff: 2 } });
    expect(existsSync(path.join(fx.dir, 'rekey-pending'))).toBe(false);
    expect((await diskKeys(fx.dir)).cipher).toBe('chacha20');
  });

  it('rejects an unknown cipher and a rekey that changes nothing', async () => {
    const fx = await closedDesk();
    const bad = await runAdmin(['rekey', '--data', fx.dir, '--cipher', 'rot13', '--json'], [PW]);
    expect(jsonOf(bad)).toMatchObject({ error: { code: 'validation', issues: [{ path: 'cipher' }] } });
    const none = await runAdmin(['rekey', '--data', fx.dir, '--json'], [PW]);
    expect(jsonOf(none)).toMatchObject({ error: { code: 'validation' } });
  });
});

describe('admin staff-reset-password', () => {
  it('sets a temporary password the staff member must change', async () => {
    const fx = await closedDesk();
    const r = await runAdmin(['staff-reset-password', '--data', fx.dir, '--login', 'aigerim', '--json', '--scrypt-n', '16384'], [PW, 'fresh-temporary-9']);
    expect(r.code).toBe(0);
    expect(jsonOf(r)).toMatchObject({ ok: true, mustChangePassword: true });
    const staff = await fx.desk.signIn('aigerim', 'fresh-temporary-9');
    expect(staff.mustChangePassword).toBe(true);
    fx.desk.close();
    const missing = await runAdmin(['staff-reset-password', '--data', fx.dir, '--login', 'nobody', '--json'], [PW, 'fresh-temporary-9']);
    expect(jsonOf(missing)).toEqual({ error: { code: 'staff.notFound' } });
  });
});
