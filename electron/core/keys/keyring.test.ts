import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_SCRYPT } from '../testing/desk-fixture.js';
import { Keyring, type OsSealer } from './keyring.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const keys = () => ({ master: randomBytes(32), dataKey: randomBytes(32) });

describe('keyring', () => {
  it('wraps the keys per staff password and records the scrypt parameters beside each entry', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const k = keys();
    const ring = Keyring.create(dir, 'aegis', null, k);
    await ring.setPassword('Aigerim', k.master, 'first password', TEST_SCRYPT);
    await ring.setPassword('dana', k.master, 'second password', TEST_SCRYPT);
    const file = readFileSync(Keyring.fileIn(dir), 'utf8');
    expect(file).not.toContain(k.dataKey.toString('base64'));
    expect(file).not.toContain(k.master.toString('base64'));
    expect(file.toLowerCase()).not.toContain('aigerim');
    const parsed = JSON.parse(file) as { entries: { kdf: { name: string; N: number; r: number; p: number } }[] };
    expect(parsed.entries[0]!.kdf).toMatchObject({ name: 'scrypt', N: TEST_SCRYPT.N, r: 8, p: 1 });

    const loaded = Keyring.load(dir, null);
    expect((await loaded.unlock('AIGERIM', 'first password')).dataKey.equals(k.dataKey)).toBe(true);
    expect((await loaded.unlockAny('second password')).master.equals(k.master)).toBe(true);
    await expect(loaded.unlock('aigerim', 'second password')).rejects.toMatchObject({ code: 'auth.wrongCredentials' });
    await expect(loaded.unlock('nobody', 'first password')).rejects.toMatchObject({ code: 'auth.wrongCredentials' });
  });

  it('re-wraps on password change: the old password stops working', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const k = keys();
    const ring = Keyring.create(dir, 'aegis', null, k);
    await ring.setPassword('a', k.master, 'old password', TEST_SCRYPT);
    await ring.setPassword('a', k.master, 'new password', TEST_SCRYPT);
    expect(ring.size).toBe(1);
    await expect(ring.unlock('a', 'old password')).rejects.toMatchObject({ code: 'auth.wrongCredentials' });
    expect((await ring.unlock('a', 'new password')).dataKey.equals(k.dataKey)).toBe(true);
  });

  it('binds each entry to its login: an entry copied over another does not open', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const k = keys();
    const ring = Keyring.create(dir, 'aegis', null, k);
    await ring.setPassword('a', k.master, 'password a', TEST_SCRYPT);
    await ring.setPassword('b', k.master, 'password b', TEST_SCRYPT);
    const file = JSON.parse(readFileSync(Keyring.fileIn(dir), 'utf8')) as { entries: { id: string }[] };
    const [ea, eb] = file.entries as [{ id: string }, { id: string }];
    file.entries = [{ ...ea, id: eb.id }];
    writeFileSync(Keyring.fileIn(dir), JSON.stringify(file));
    await expect(Keyring.load(dir, null).unlock('b', 'password a')).rejects.toMatchObject({ code: 'auth.wrongCredentials' });
  });

  // A stand-in for Electron's safeStorage (named as such): XOR with a machine secret.
  const testKeychain = (backend: string, secret = randomBytes(32)): OsSealer => ({
    backend,
    seal: async (b) => Buffer.from(b.map((x, i) => x ^ secret[i % 32]!)),
    open: async (b) => Buffer.from(b.map((x, i) => x ^ secret[i % 32]!)),
  });

  it('seals the data key with the OS keychain, records which one, and cannot be opened without it', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const keychain = testKeychain('gnome_libsecret');
    const k = keys();
    const ring = Keyring.create(dir, 'aegis', keychain, k);
    await ring.sealWithOs({ write: false });
    await ring.setPassword('a', k.master, 'password a', TEST_SCRYPT);
    const file = JSON.parse(readFileSync(Keyring.fileIn(dir), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 2, seal: 'os', keychain: { backend: 'gnome_libsecret' } });
    expect(file).not.toHaveProperty('dataKey');
    // Outside the app (CLI): no keychain at all.
    await expect(Keyring.load(dir, null).unlock('a', 'password a')).rejects.toMatchObject({ code: 'store.sealedByOs' });
    // In the app on a desktop that now only offers basic_text: named, not a wrong password.
    await expect(Keyring.load(dir, null, 'basic_text').unlock('a', 'password a')).rejects.toMatchObject({
      code: 'keychain.changed',
      details: { recorded: 'gnome_libsecret', current: 'basic_text' },
    });
    await expect(Keyring.load(dir, testKeychain('kwallet5')).unlock('a', 'password a')).rejects.toMatchObject({ code: 'keychain.changed', details: { recorded: 'gnome_libsecret', current: 'kwallet5' } });
    // A wrong password is still a wrong password, before the keychain is even asked.
    await expect(Keyring.load(dir, null, 'basic_text').unlock('a', 'wrong')).rejects.toMatchObject({ code: 'auth.wrongCredentials' });
    const loaded = Keyring.load(dir, keychain);
    expect(loaded.osBackend).toBe('gnome_libsecret');
    expect((await loaded.unlock('a', 'password a')).dataKey.equals(k.dataKey)).toBe(true);
    // Backups carry the password wrap only, so they restore on another machine.
    expect(JSON.parse(loaded.portableJson())).toMatchObject({ seal: 'none', dataKey: expect.any(Object) });
  });

  it('says the keychain is unavailable when it refuses to open the seal', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const k = keys();
    const ring = Keyring.create(dir, 'aegis', testKeychain('dpapi'), k);
    await ring.sealWithOs({ write: false });
    await ring.setPassword('a', k.master, 'password a', TEST_SCRYPT);
    const refusing: OsSealer = { backend: 'dpapi', seal: () => Promise.reject(new Error('locked')), open: () => Promise.reject(new Error('locked')) };
    await expect(Keyring.load(dir, refusing).unlock('a', 'password a')).rejects.toMatchObject({ code: 'keychain.unavailable' });
  });

  it('seals a password-only keyring (restored from a backup) once the app has a keychain', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const k = keys();
    const plain = Keyring.create(dir, 'aegis', null, k);
    await plain.setPassword('a', k.master, 'password a', TEST_SCRYPT);
    const keychain = testKeychain('dpapi');
    const ring = Keyring.load(dir, keychain, 'dpapi');
    await ring.unlock('a', 'password a');
    await ring.sealWithOs();
    expect(JSON.parse(readFileSync(Keyring.fileIn(dir), 'utf8'))).toMatchObject({ seal: 'os', keychain: { backend: 'dpapi' } });
    expect((await Keyring.load(dir, keychain).unlock('a', 'password a')).dataKey.equals(k.dataKey)).toBe(true);
  });

  it('records a new data key and cipher without touching staff entries', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kr-'));
    const k = keys();
    const ring = Keyring.create(dir, 'aegis', null, k);
    await ring.setPassword('a', k.master, 'password a', TEST_SCRYPT);
    const next = randomBytes(32);
    ring.setDataKey(k.master, next, 'chacha20');
    const loaded = Keyring.load(dir, null);
    expect(loaded.cipher).toBe('chacha20');
    expect((await loaded.unlock('a', 'password a')).dataKey.equals(next)).toBe(true);
  });
});
