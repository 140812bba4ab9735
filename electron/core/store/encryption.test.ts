import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';
import { samplePatient } from '../testing/patients.js';
import { activeCipher, openStore } from './database.js';

let fx: DeskFixture;
afterEach(() => fx?.cleanup());

const NAME = 'Құрманғазы';
const IIN = '900702300014';

function filesOf(dir: string): Buffer[] {
  return ['store.db', 'store.db-wal', 'keyring.json', 'prefs.json'].map((f) => path.join(dir, f)).filter(existsSync).map((f) => readFileSync(f));
}

describe('the encrypted store', () => {
  it('never writes a patient name or IIN to disk as bytes (store, WAL, keyring, prefs)', async () => {
    fx = makeDesk();
    const c = fx.client();
    expectOk(await c.call('setup.run', SAMPLE_SETUP));
    expectOk(await c.call('staff.create', { login: 'rec', fullName: 'Рецепция', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
    const r = fx.client();
    expectOk(await r.call('auth.login', { login: 'rec', password: 'temporary-pass-1' }));
    expectOk(await r.call('auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
    expectOk(await r.call('patient.create', { patient: samplePatient({ surname: NAME, iin: IIN, birthDate: '1990-07-02', sex: 'male', givenName: 'Сағат' }) }));
    // The WAL holds the latest pages until a checkpoint: check it before and after one.
    expect(existsSync(path.join(fx.dir, 'store.db-wal'))).toBe(true);
    const needles = [Buffer.from(NAME, 'utf8'), Buffer.from(IIN, 'ascii'), Buffer.from(NAME, 'utf16le'), Buffer.from(IIN, 'utf16le')];
    for (const bytes of filesOf(fx.dir)) for (const n of needles) expect(bytes.includes(n)).toBe(false);
    fx.desk.store().db.pragma('wal_checkpoint(TRUNCATE)');
    for (const bytes of filesOf(fx.dir)) for (const n of needles) expect(bytes.includes(n)).toBe(false);
    expect(activeCipher(fx.desk.store().db)).toBe('aegis');
    expect(fx.desk.store().db.prepare("SELECT value FROM meta WHERE key = 'store.cipher'").get()).toEqual({ value: 'aegis' });
  });

  it('refuses a wrong data key and leaves every byte of the file unchanged', async () => {
    fx = makeDesk();
    expectOk(await fx.client().call('setup.run', SAMPLE_SETUP));
    fx.desk.close();
    const file = path.join(fx.dir, 'store.db');
    const before = readFileSync(file);
    expect(() => openStore({ file, key: randomBytes(32), cipher: 'aegis' })).toThrow(expect.objectContaining({ code: 'store.wrongKey' }));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  });

  it('a wrong password at login leaves store and keyring byte-for-byte unchanged', async () => {
    fx = makeDesk();
    expectOk(await fx.client().call('setup.run', SAMPLE_SETUP));
    fx.desk.close();
    const before = filesOf(fx.dir);
    const r = await fx.client().call('auth.login', { login: 'admin', password: 'definitely wrong' });
    expect(!r.ok && r.error.code).toBe('auth.wrongCredentials');
    const after = filesOf(fx.dir);
    expect(after.length).toBe(before.length);
    after.forEach((b, i) => expect(b.equals(before[i]!)).toBe(true));
  });

  it('detects a tampered page (AEGIS is authenticated)', async () => {
    fx = makeDesk();
    const c = fx.client();
    expectOk(await c.call('setup.run', SAMPLE_SETUP));
    const db = fx.desk.store().db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const keys = fx.desk.store().keys;
    fx.desk.close();
    const file = path.join(fx.dir, 'store.db');
    const bytes = readFileSync(file);
    // Flip one byte in the middle of page 2: the page no longer authenticates.
    bytes[pageSize + Math.floor(pageSize / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    expect(() => {
      const d = openStore({ file, key: keys.dataKey, cipher: 'aegis' });
      try {
        d.prepare('SELECT count(*) FROM audit_log').get();
        d.pragma('integrity_check');
      } finally {
        d.close();
      }
    }).toThrow();
  });
});
