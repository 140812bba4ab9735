import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring } from '../keys/keyring.js';
import { openStore, type CipherName } from '../store/database.js';
import { makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';
import { finishInterruptedRekey, PENDING_DIR } from './rekey-pending.js';
import { rekeyStore } from './rekey.js';
import { storeStats } from './stats.js';
import { SECRET_NAME, setUpDesk } from './test-helpers.js';

const ADMIN_PW = SAMPLE_SETUP.admin.password;
let fx: DeskFixture | undefined;
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
});

function opens(file: string, cipher: CipherName, key: Buffer): boolean {
  try {
    openStore({ file, key, cipher, readonly: true }).close();
    return true;
  } catch (e) {
    expect(e).toMatchObject({ code: 'store.wrongKey' });
    return false;
  }
}

async function keysFromDisk(dir: string): Promise<{ cipher: CipherName; dataKey: Buffer }> {
  const keyring = Keyring.load(dir, null);
  return { cipher: keyring.cipher, dataKey: (await keyring.unlock('admin', ADMIN_PW)).dataKey };
}

describe('rekeyStore', () => {
  it('moves aegis → chacha20 → aegis with a new key; data intact, old keys refused, stats follow', async () => {
    fx = await setUpDesk();
    const file = fx.desk.storeFile;
    const first = Buffer.from(fx.desk.store().keys.dataKey);

    expect(rekeyStore(fx.desk, { cipher: 'chacha20' })).toEqual({ cipher: 'chacha20', previousCipher: 'aegis', newKey: false });
    expect(storeStats(fx.desk).cipher).toEqual({ active: 'chacha20', recorded: 'chacha20', keyring: 'chacha20' });
    fx.desk.close();
    const second = await keysFromDisk(fx.dir);
    expect(second).toEqual({ cipher: 'chacha20', dataKey: first });
    expect(opens(file, 'aegis', first)).toBe(false);
    expect(opens(file, 'chacha20', first)).toBe(true);

    await fx.desk.signIn('admin', ADMIN_PW);
    expect(rekeyStore(fx.desk, { cipher: 'aegis', newKey: true })).toEqual({ cipher: 'aegis', previousCipher: 'chacha20', newKey: true });
    expect(fx.desk.store().staff.byLogin('aigerim')?.fullName).toBe(SECRET_NAME);
    fx.desk.close();
    const third = await keysFromDisk(fx.dir);
    expect(third.cipher).toBe('aegis');
    expect(third.dataKey.equals(first)).toBe(false);
    expect(opens(file, 'chacha20', first)).toBe(false);
    expect(opens(file, 'aegis', first)).toBe(false);
    expect(opens(file, 'aegis', third.dataKey)).toBe(true);

    await fx.desk.signIn('admin', ADMIN_PW);
    const store = fx.desk.store();
    expect(store.staff.byLogin('aigerim')?.fullName).toBe(SECRET_NAME);
    expect(store.audit.verify().valid).toBe(true);
    const rekeyed = store.audit.list({ action: 'store.rekeyed', limit: 5 }).map((r) => JSON.parse(r.details) as unknown);
    expect(rekeyed).toEqual([
      { cipher: 'aegis', previousCipher: 'chacha20', newKey: true },
      { cipher: 'chacha20', previousCipher: 'aegis', newKey: false },
    ]);
    expect(storeStats(fx.desk)).toMatchObject({ cipher: { active: 'aegis', recorded: 'aegis', keyring: 'aegis' } });
    expect(String(store.db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(existsSync(path.join(fx.dir, PENDING_DIR))).toBe(false);
  });

  it('moves to sqlcipher and refuses a rekey that changes nothing', async () => {
    fx = await setUpDesk();
    expect(() => rekeyStore(fx!.desk, {})).toThrow(expect.objectContaining({ code: 'validation' }));
    rekeyStore(fx.desk, { cipher: 'sqlcipher', newKey: true });
    fx.desk.close();
    await fx.desk.signIn('admin', ADMIN_PW);
    expect(storeStats(fx.desk).cipher.active).toBe('sqlcipher');
  });

  it('finishes a rekey interrupted between SQLite and the keyring write', async () => {
    fx = await setUpDesk();
    const crash = new Error('simulated crash');
    expect(() => rekeyStore(fx!.desk, { cipher: 'chacha20', newKey: true }, { afterSqliteRekey: () => { throw crash; } })).toThrow(crash);
    fx.desk.close();
    // The main keyring still names the old key, which SQLite no longer accepts; the desk's
    // sign-in finishes the switch from the pending copy instead of locking everyone out.
    await fx.desk.signIn('admin', ADMIN_PW);
    fx.desk.close();
    expect(Keyring.load(fx.dir, null).cipher).toBe('chacha20');
    expect(existsSync(path.join(fx.dir, PENDING_DIR))).toBe(false);
    // With nothing pending, the recovery helper has nothing to do.
    expect(await finishInterruptedRekey(fx.dir, fx.desk.storeFile, Keyring.load(fx.dir, null), ADMIN_PW)).toBeNull();
    const desk2 = makeDesk(fx.dir);
    await desk2.desk.signIn('admin', ADMIN_PW);
    expect(desk2.desk.store().staff.byLogin('aigerim')?.fullName).toBe(SECRET_NAME);
    desk2.desk.close();
  });

  it('leaves no pending keyring when the rekey cannot start (another connection holds the store)', async () => {
    fx = await setUpDesk();
    const { keys, cipher } = fx.desk.store();
    const other = openStore({ file: fx.desk.storeFile, key: keys.dataKey, cipher });
    other.prepare('BEGIN').run();
    other.prepare('SELECT count(*) FROM staff').get();
    try {
      expect(() => rekeyStore(fx!.desk, { newKey: true })).toThrow(expect.objectContaining({ code: 'internal', details: { reason: 'storeBusy' } }));
    } finally {
      other.prepare('COMMIT').run();
      other.close();
    }
    expect(existsSync(path.join(fx.dir, PENDING_DIR))).toBe(false);
    fx.desk.close();
    await fx.desk.signIn('admin', ADMIN_PW);
    expect(fx.desk.store().staff.byLogin('aigerim')?.fullName).toBe(SECRET_NAME);
  });
});
