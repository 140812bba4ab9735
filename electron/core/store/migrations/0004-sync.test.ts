import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../database.js';
import { runMigrations, schemaVersion } from '../migrate.js';
import { MIGRATIONS } from './index.js';
import { freshKeyedDb } from './test-db.js';

let dir: string;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

const key = randomBytes(32);

function freshDb(): Db {
  const fresh = freshKeyedDb('migr4-', key);
  dir = fresh.dir;
  return fresh.db;
}

const conflict = (id: string, status = 'open') =>
  db!
    .prepare(
      `INSERT INTO sync_conflict (id, kind, resource_type, resource_id, local_json, detected_at, status, resolution, resolved_at)
       VALUES (?, 'version', 'Patient', 'p-1', '{}', 't', ?, ?, ?)`,
    )
    .run(id, status, status === 'open' ? null : 'local', status === 'open' ? null : 't');

describe('migration 0004 sync', () => {
  it('adds strict settings, state, conflict and attempt tables on top of 0003', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS, 3);
    runMigrations(db, MIGRATIONS, 4);
    expect(schemaVersion(db)).toBe(4);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 AND name LIKE 'sync_%' ORDER BY name").all();
    expect(strict).toEqual([{ name: 'sync_attempt' }, { name: 'sync_conflict' }, { name: 'sync_settings' }, { name: 'sync_state' }]);
    // The state row exists from the start, so the engine only ever updates it.
    expect(db.prepare('SELECT pull_cursor, last_success_at FROM sync_state').all()).toEqual([{ pull_cursor: null, last_success_at: null }]);
    expect(() => db!.prepare("INSERT INTO sync_settings (id, auth_kind, updated_at) VALUES (1, 'password', 't')").run()).toThrow(/CHECK/);
    expect(() => db!.prepare("INSERT INTO sync_settings (id, updated_at) VALUES (2, 't')").run()).toThrow(/CHECK/);
  });

  it('keeps one open conflict per resource, any number of resolved ones, and no resolved one without its resolution', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS);
    conflict('c-1');
    expect(() => conflict('c-2')).toThrow(/UNIQUE/);
    conflict('c-3', 'resolved');
    conflict('c-4', 'resolved');
    expect(() => db!.prepare("UPDATE sync_conflict SET status = 'resolved' WHERE id = 'c-1'").run()).toThrow(/CHECK/);
  });

  it('stores the credentials only encrypted: the token and key PEM never appear as bytes on disk', () => {
    db = freshDb();
    db.close();
    db = openStore({ file: path.join(dir, 'store.db'), key, cipher: 'aegis' });
    const token = 'branch-token-' + randomBytes(12).toString('hex');
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n';
    db.prepare("INSERT INTO sync_settings (id, base_url, auth_kind, bearer_token, client_key_pem, updated_at) VALUES (1, 'https://central.example.kz/fhir', 'bearer', ?, ?, 't')").run(token, pem);
    const files = () => ['store.db', 'store.db-wal'].map((f) => path.join(dir, f)).filter(existsSync).map((f) => readFileSync(f));
    const needles = [Buffer.from(token), Buffer.from('MC4CAQAwBQYDK2VwBCIE')];
    for (const bytes of files()) for (const n of needles) expect(bytes.includes(n)).toBe(false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const bytes of files()) for (const n of needles) expect(bytes.includes(n)).toBe(false);
    expect(db.prepare('SELECT bearer_token FROM sync_settings').get()).toEqual({ bearer_token: token });
  });
});
