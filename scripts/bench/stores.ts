import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog } from '../../electron/core/audit/log.js';
import { writeBranch } from '../../electron/core/branch/branch-repo.js';
import { systemClock } from '../../electron/core/clock.js';
import { PatientWriter } from '../../electron/core/patients/patient-writer.js';
import { applyKey, configureConnection, type CipherName, type Db } from '../../electron/core/store/database.js';
import { runMigrations } from '../../electron/core/store/migrate.js';
import { MIGRATIONS } from '../../electron/core/store/migrations/index.js';

/**
 * A store for benchmarks: the app's own schema and writers over either an encrypted
 * connection (a given cipher, raw key) or plain SQLite, the baseline every ratio is taken
 * against. Same pragmas (WAL, synchronous=FULL) either way.
 */
export type Variant = CipherName | 'plain';

export interface BenchStore {
  variant: Variant;
  db: Db;
  patients: PatientWriter;
  close(): void;
}

export function openBenchStore(variant: Variant): BenchStore {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${variant}-`));
  const db = new Database(path.join(dir, 'store.db'));
  if (variant !== 'plain') applyKey(db, variant, randomBytes(32));
  configureConnection(db);
  runMigrations(db, MIGRATIONS);
  const at = new Date().toISOString();
  writeBranch(db, { code: 'BENCH', name: 'Bench', address: '-' }, at);
  const audit = new AuditLog(db, systemClock, () => 'BENCH');
  return {
    variant,
    db,
    patients: new PatientWriter(db, audit),
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
