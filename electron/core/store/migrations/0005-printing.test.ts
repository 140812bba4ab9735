import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../database.js';
import { runMigrations, schemaVersion } from '../migrate.js';
import { migration0005 } from './0005-printing.js';
import { MIGRATIONS } from './index.js';
import { freshKeyedDb } from './test-db.js';

let dir: string;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration printing', () => {
  it('adds a strict per-form printer table that refuses silent printing without a named printer', () => {
    const fresh = freshKeyedDb('migr-print-', randomBytes(32));
    dir = fresh.dir;
    db = fresh.db;
    runMigrations(db, MIGRATIONS, migration0005.version - 1);
    runMigrations(db, MIGRATIONS, migration0005.version);
    expect(schemaVersion(db)).toBe(migration0005.version);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'print_preference'").get()).toEqual({ strict: 1 });
    const insert = db.prepare('INSERT INTO print_preference (form_type, printer_name, silent, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('consent', 'HP_LaserJet', 1, 't');
    insert.run('report', null, 0, 't');
    expect(() => insert.run('request', null, 1, 't')).toThrow(/CHECK/);
    expect(() => insert.run('request', 'x', 2, 't')).toThrow(/CHECK/);
  });
});
