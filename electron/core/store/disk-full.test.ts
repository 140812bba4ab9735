/**
 * A full disk, for real: the desk's data folder on a small tmpfs (mounted here as root), filled
 * to the last byte. A registration must fail with a clear, translated error (store.diskFull,
 * or store.ioError / store.readOnly for the disk's other refusals; never `internal`), nothing
 * half-written may remain, the desk must keep answering searches, the receptionist's draft
 * must still be there, and once space is back the same registration goes through on an intact
 * store. (A read-only remount is refused while the store is open, so that case is covered by
 * the same mapping in store/storage-errors.ts, not here.) Skipped, saying why, where no tmpfs
 * can be mounted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng, syntheticPatient } from '../patients/seed.js';
import type { PatientInput } from '../patients/schema.js';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';

const STORAGE_CODES = ['store.diskFull', 'store.readOnly', 'store.ioError'];

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes zeros until the file system refuses: no byte left for SQLite. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full. Then the last few bytes, one small write at a time.
    try {
      for (;;) writeSync(fd, Buffer.alloc(512));
    } catch {
      // full to the block
    }
  } finally {
    closeSync(fd);
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'disk-full-'));
const mounted = process.getuid?.() === 0 && tryMount(root);
let fx: DeskFixture;

afterAll(() => {
  fx?.cleanup();
  if (mounted) execFileSync('umount', ['-l', root], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full or read-only disk under the store', () => {
  let call: ReturnType<DeskFixture['client']>['call'];
  const r = rng(21);
  let serial = 0;
  const register = async (p: PatientInput) => {
    const dup = expectOk(await call('patient.checkDuplicates', { iin: p.iin, surname: p.surname, givenName: p.givenName, birthDate: p.birthDate, phone: p.phone }));
    const override = dup.similar.length ? { override: { reason: 'another person', candidateIds: dup.similar.slice(0, 50).map((c) => c.id) } } : {};
    return call('patient.create', { patient: p, ...override });
  };

  beforeAll(async () => {
    fx = makeDesk(path.join(root, 'data'));
    const admin = fx.client();
    expectOk(await admin.call('setup.run', SAMPLE_SETUP));
    expectOk(await admin.call('staff.create', { login: 'reception', fullName: 'Айгерім Б.', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
    const reception = fx.client();
    expectOk(await reception.call('auth.login', { login: 'reception', password: 'temporary-pass-1' }));
    expectOk(await reception.call('auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
    call = reception.call;
    for (let i = 0; i < 20; i++) expectOk(await register(syntheticPatient(r, serial++)));
  }, 60_000);

  it('refuses a registration on a full disk with a clear error, keeps the draft and the search, and saves it once space is back', async () => {
    const draft = { surname: 'Қасымова', givenName: 'Әлия' };
    expectOk(await call('draft.save', { kind: 'patient.new', payload: draft }));
    const before = fx.desk.store().patients.count();
    fillDisk(path.join(root, 'filler'));

    // The WAL may still have room for a few pages: keep registering until the disk refuses.
    let refused: { code: string } | undefined;
    let saved = 0;
    let pending: PatientInput | undefined;
    for (let i = 0; i < 300 && !refused; i++) {
      pending = syntheticPatient(r, serial++);
      const res = await register(pending);
      if (res.ok) saved += 1;
      else refused = res.error;
    }
    expect(STORAGE_CODES).toContain(refused?.code);
    // Nothing half-written: exactly the registrations that answered ok are there.
    expect(fx.desk.store().patients.count()).toBe(before + saved);
    expect(fx.desk.store().db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Still usable for reading, and the draft is still there.
    expect(expectOk(await call('patient.search', { query: 'а', limit: 5 })).length).toBeGreaterThan(0);
    expect(expectOk(await call('draft.get', { kind: 'patient.new' }))).toMatchObject({ payload: draft });

    rmSync(path.join(root, 'filler'));
    if (!pending) throw new Error('unreachable: a registration was tried');
    expectOk(await register(pending));
    expect(fx.desk.store().patients.count()).toBe(before + saved + 1);
    expect(fx.desk.store().audit.verify()).toMatchObject({ valid: true, problems: [] });
  }, 120_000);
});

describe.skipIf(mounted)('a full or read-only disk under the store', () => {
  it.skip('is skipped: mounting a small tmpfs needs root (mount -t tmpfs), which this run does not have', () => {});
});
