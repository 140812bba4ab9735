import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
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
  const fresh = freshKeyedDb('migr-', key);
  dir = fresh.dir;
  return fresh.db;
}

function tables(d: Db): string[] {
  return (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migration 0001 foundation', () => {
  it('creates strict foundation tables and an append-only audit log', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['audit_log', 'branch', 'meta', 'operator', 'settings', 'staff']);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").all();
    expect(strict).toHaveLength(6);
    expect(() => db!.prepare("INSERT INTO staff VALUES ('1','a','A','janitor',1,0,'t','t')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO audit_log VALUES (1,'u','t',NULL,'B','x',NULL,NULL,'{}','0','h')").run();
    expect(() => db!.prepare('UPDATE audit_log SET action = ?').run('y')).toThrow(/append-only/);
    expect(() => db!.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('migration 0002 patients', () => {
  it('adds patients, history, overrides, drafts and an outbox, and queues audit entries already written', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS, 1);
    db.prepare("INSERT INTO audit_log VALUES (1,'a-1','2026-01-01T00:00:00Z',NULL,'B','setup.completed',NULL,NULL,'{}','0','h')").run();
    runMigrations(db, MIGRATIONS, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['patient', 'patient_history', 'duplicate_override', 'draft', 'outbox', 'patient_name_fts']));
    expect(db.prepare('SELECT resource_type, resource_id FROM outbox').all()).toEqual([{ resource_type: 'AuditEvent', resource_id: 'a-1' }]);
    // One pending upload per resource, however often it changes offline.
    db.prepare("INSERT INTO outbox (resource_type, resource_id, created_at) VALUES ('Patient', 'p', 't')").run();
    expect(() => db!.prepare("INSERT INTO outbox (resource_type, resource_id, created_at) VALUES ('Patient', 'p', 't')").run()).toThrow(/UNIQUE/);
  });
});

describe('migration runner', () => {
  it('applies every migration in order, each in its own transaction', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('rolls back a failing migration completely, leaving the previous version', () => {
    db = freshDb();
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;') }];
    expect(() => runMigrations(db!, broken)).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half');
  });

  it('refuses a store written by a newer app, with a clear error', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    let err: unknown;
    try {
      runMigrations(db, MIGRATIONS);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('store.newerThanApp');
    expect((err as AppError).details).toEqual({ storeVersion: MIGRATIONS.length + 5, appVersion: MIGRATIONS.length });
  });

  it('openStore surfaces the newer-than-app error', () => {
    db = freshDb();
    runMigrations(db, MIGRATIONS);
    db.pragma('user_version = 99');
    db.close();
    db = null;
    expect(() => openStore({ file: path.join(dir, 'store.db'), key, cipher: 'aegis' })).toThrow(expect.objectContaining({ code: 'store.newerThanApp' }));
  });
});
