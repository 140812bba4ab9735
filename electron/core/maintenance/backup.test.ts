import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { openStore } from '../store/database.js';
import type { DeskFixture } from '../testing/desk-fixture.js';
import { createBackup } from './backup.js';
import { manifestSchema } from './manifest.js';
import { containsUtf8, SECRET_NAME, setUpDesk, sha256Of, tempDir } from './test-helpers.js';
import type { Progress } from './vacuum.js';

let fx: DeskFixture | undefined;
const dirs: string[] = [];
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function outDir(): string {
  const d = tempDir('backup-');
  dirs.push(d);
  return path.join(d, 'out');
}

describe('createBackup', () => {
  it('writes an encrypted snapshot, a portable keyring and a manifest, with progress from a worker', async () => {
    fx = await setUpDesk();
    const out = outDir();
    const seen: Progress[] = [];
    const { manifest, progressMode } = await createBackup(fx.desk, out, (p) => seen.push(p));
    expect(progressMode).toBe('worker');
    expect(readdirSync(out).sort()).toEqual(['keyring.json', 'manifest.json', 'store.db']);
    expect(manifestSchema.parse(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')))).toEqual(manifest);
    expect(manifest.sha256).toBe(sha256Of(path.join(out, 'store.db')));
    expect(manifest.cipher).toBe('aegis');
    expect(seen[0]).toEqual({ done: 0, total: expect.any(Number) });
    const last = seen.at(-1);
    expect(last && last.done === last.total && last.total > 0).toBe(true);
    // The store really holds the name, and no file of the backup shows it in clear.
    expect(fx.desk.store().staff.byLogin('aigerim')?.fullName).toBe(SECRET_NAME);
    for (const f of readdirSync(out)) expect(containsUtf8(path.join(out, f), SECRET_NAME)).toBe(false);
    expect(containsUtf8(path.join(out, 'keyring.json'), 'aigerim')).toBe(false);
    // The copy opens with the same key and cipher and holds the same staff.
    const db = openStore({ file: path.join(out, 'store.db'), key: fx.desk.store().keys.dataKey, cipher: 'aegis', readonly: true });
    expect((db.prepare('SELECT full_name FROM staff WHERE login = ?').get('aigerim') as { full_name: string }).full_name).toBe(SECRET_NAME);
    db.close();
    const audit = fx.desk.store().audit.list({ action: 'backup.created', limit: 5 });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toEqual({ bytes: manifest.sizeBytes, schemaVersion: manifest.schemaVersion });
  });

  it('is a consistent snapshot while the desk keeps writing, and reports progress on the way', async () => {
    fx = await setUpDesk();
    const store = fx.desk.store();
    // About 40 MB, so the copy takes long enough for writes and progress reports to interleave.
    store.db.exec('CREATE TABLE filler (b BLOB)');
    const fill = store.db.prepare('INSERT INTO filler VALUES (randomblob(4000))');
    store.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) fill.run();
    })();
    const out = outDir();
    const seen: Progress[] = [];
    let finished = false;
    const running = createBackup(fx.desk, out, (p) => seen.push(p), { pollMs: 5 }).finally(() => {
      finished = true;
    });
    let writes = 0;
    while (!finished) {
      store.audit.append({ action: 'test.during', staffId: null });
      writes++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const { manifest } = await running;
    expect(writes).toBeGreaterThan(1);
    expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    const db = openStore({ file: path.join(out, 'store.db'), key: store.keys.dataKey, cipher: manifest.cipher, readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n).toBe(10_000);
      // The copy holds a prefix of the log whose head matches its own meta: one snapshot.
      const copied = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'test.during'").get() as { n: number }).n;
      expect(copied).toBeLessThan(writes);
      const head = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'audit.head'").get() as { value: string }).value) as { seq: number };
      expect(head.seq).toBe((db.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }).m);
    } finally {
      db.close();
    }
    expect(fx.desk.store().audit.verify().valid).toBe(true);
  });

  it('copies inline when no worker is used, and then reports only 0% and 100%', async () => {
    fx = await setUpDesk();
    const out = outDir();
    const seen: Progress[] = [];
    const { manifest, progressMode } = await createBackup(fx.desk, out, (p) => seen.push(p), { useWorker: false });
    expect(progressMode).toBe('inline');
    expect(seen.map((p) => p.done === 0 || p.done === p.total)).toEqual([true, true]);
    expect(manifest.sha256).toBe(sha256Of(path.join(out, 'store.db')));
    expect(containsUtf8(path.join(out, 'store.db'), SECRET_NAME)).toBe(false);
  });

  it('refuses a folder that is not empty and leaves it alone', async () => {
    fx = await setUpDesk();
    const out = outDir();
    await createBackup(fx.desk, out);
    const before = sha256Of(path.join(out, 'store.db'));
    await expect(createBackup(fx.desk, out)).rejects.toMatchObject({ code: 'backup.invalid', details: { reason: 'outDirNotEmpty' } });
    expect(sha256Of(path.join(out, 'store.db'))).toBe(before);
    const file = path.join(outDir(), '..', 'a-file');
    writeFileSync(file, '');
    await expect(createBackup(fx.desk, file)).rejects.toMatchObject({ code: 'backup.invalid' });
  });

  it('handles a folder name with a quote and refuses one with NUL', async () => {
    fx = await setUpDesk();
    const base = outDir();
    const quoted = path.join(base, "it's here");
    await createBackup(fx.desk, quoted);
    expect(existsSync(path.join(quoted, 'manifest.json'))).toBe(true);
    await expect(createBackup(fx.desk, path.join(base, 'a\0b'))).rejects.toMatchObject({ code: 'validation' });
  });

  it('needs an open store', async () => {
    fx = await setUpDesk();
    fx.desk.close();
    await expect(createBackup(fx.desk, outDir())).rejects.toBeInstanceOf(AppError);
  });
});
