import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskCore } from '../desk.js';
import type { LogFields } from '../log/logger.js';
import { SAMPLE_SETUP, TEST_SCRYPT } from '../testing/desk-fixture.js';
import type { OsSealer } from './keyring.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Stand-ins for the OS keychain (Electron's safeStorage), named as such.
const secret = randomBytes(32);
const xor = async (b: Buffer) => Buffer.from(b.map((x, i) => x ^ secret[i % 32]!));
const working: OsSealer = { backend: 'dpapi', seal: xor, open: xor };
const refusing: OsSealer = { backend: 'dpapi', seal: () => Promise.reject(new Error('prompt dismissed')), open: () => Promise.reject(new Error('prompt dismissed')) };

describe('the desk and the OS keychain', () => {
  it('sets up on the password wrap alone when the keychain refuses to seal, says so, and seals at a later sign-in', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'desk-kc-'));
    const events: [string, LogFields | undefined][] = [];
    const log = { log: (_l: string, event: string, fields?: LogFields) => void events.push([event, fields]) };
    const first = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), scryptCost: TEST_SCRYPT, sealer: refusing, keychainBackend: 'dpapi', log });
    await first.setup(SAMPLE_SETUP);
    first.close();
    expect(events).toContainEqual(['keychain.sealFailed', { code: 'keychain.unavailable' }]);
    expect(JSON.parse(readFileSync(path.join(dir, 'keyring.json'), 'utf8'))).toMatchObject({ seal: 'none' });

    const second = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), scryptCost: TEST_SCRYPT, sealer: working, keychainBackend: 'dpapi', log });
    await second.signIn(SAMPLE_SETUP.admin.login, SAMPLE_SETUP.admin.password);
    second.close();
    expect(JSON.parse(readFileSync(path.join(dir, 'keyring.json'), 'utf8'))).toMatchObject({ seal: 'os', keychain: { backend: 'dpapi' } });

    // Another desktop session that offers only basic_text: named, not a wrong password.
    const third = new DeskCore({ dataDir: dir, resourcesDir: path.resolve('resources'), scryptCost: TEST_SCRYPT, sealer: null, keychainBackend: 'basic_text', log });
    await expect(third.signIn(SAMPLE_SETUP.admin.login, SAMPLE_SETUP.admin.password)).rejects.toMatchObject({ code: 'keychain.changed', details: { recorded: 'dpapi', current: 'basic_text' } });
  });
});
