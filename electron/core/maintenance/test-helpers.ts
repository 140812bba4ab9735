import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';

/** A name that must never appear in clear in any file we write. */
export const SECRET_NAME = 'Тестова Әйгерім Ұлықызы';

/** A set-up desk with one extra staff member whose full name is SECRET_NAME. */
export async function setUpDesk(): Promise<DeskFixture> {
  const fx = makeDesk();
  const c = fx.client();
  expectOk(await c.call('setup.run', SAMPLE_SETUP));
  expectOk(await c.call('staff.create', { login: 'aigerim', fullName: SECRET_NAME, role: 'manager', temporaryPassword: 'temporary-pass-1' }));
  return fx;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function sha256Of(file: string): string | null {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
}

export function containsUtf8(file: string, text: string): boolean {
  return readFileSync(file).includes(Buffer.from(text, 'utf8'));
}
