import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyKey, configureConnection, type Db } from '../database.js';

/**
 * For migration tests: an empty, keyed store in a temp folder, with the app's connection
 * settings but no migrations applied, so each test brings it to the version it needs.
 */
export function freshKeyedDb(prefix: string, key: Buffer): { db: Db; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const db = new Database(path.join(dir, 'store.db'));
  applyKey(db, 'aegis', key);
  configureConnection(db);
  return { db, dir };
}
