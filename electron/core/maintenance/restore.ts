import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AuditLog } from '../audit/log.js';
import { readBranch } from '../branch/branch-repo.js';
import { systemClock, type Clock } from '../clock.js';
import { STORE_FILE } from '../desk.js';
import { AppError } from '../errors.js';
import { Keyring, KEYRING_FILE } from '../keys/keyring.js';
import { openStore } from '../store/database.js';
import { schemaVersion } from '../store/migrate.js';
import { fsyncPath, replacedDirName } from './files.js';
import { identifyStaff } from './identify.js';
import { BACKUP_STORE_FILE } from './manifest.js';
import { checkChecksum, checkStagedStore, readBackupFolder } from './restore-check.js';
import { PENDING_DIR } from './rekey-pending.js';

export interface RestoreOptions {
  /** Replace an existing store (it is moved aside, never deleted). */
  force?: boolean;
  clock?: Clock;
}

export interface RestoreResult {
  storeId: string;
  schemaVersion: number;
  auditEntries: number;
  staffCount: number;
  /** Name of the folder under dataDir holding the replaced store, if there was one. */
  replacedDir: string | null;
}

/** What a data folder's store consists of; all of it moves aside together. */
const STORE_PARTS = [STORE_FILE, `${STORE_FILE}-wal`, `${STORE_FILE}-shm`, `${STORE_FILE}-journal`, KEYRING_FILE, PENDING_DIR];

function hasStore(dataDir: string): boolean {
  return existsSync(path.join(dataDir, STORE_FILE)) || Keyring.exists(dataDir);
}

/** Moves the current store aside into `replaced-<timestamp>/`; restore never deletes data. */
function moveAside(dataDir: string, at: Date): string {
  const name = replacedDirName(dataDir, at);
  const dest = path.join(dataDir, name);
  mkdirSync(dest, { mode: 0o700 });
  for (const part of STORE_PARTS) {
    const from = path.join(dataDir, part);
    if (existsSync(from)) renameSync(from, path.join(dest, part));
  }
  return name;
}

/**
 * Restores a backup folder into `dataDir`. Every check runs before anything in dataDir
 * changes: manifest, checksum, the password against the backup's own keyring (the person
 * must be allowed to run backups), then SQLite's integrity check and the audit chain on a
 * staged copy. Only that verified copy is installed. The app must not have this store open.
 */
export async function restoreBackup(backupDir: string, dataDir: string, password: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const clock = opts.clock ?? systemClock;
  const src = path.resolve(backupDir);
  const dest = path.resolve(dataDir);
  const { manifest, keyringJson } = readBackupFolder(src);
  if (hasStore(dest) && !opts.force) throw new AppError('store.exists');
  await checkChecksum(path.join(src, BACKUP_STORE_FILE), manifest);
  const keyring = Keyring.load(src, null);
  const keys = await keyring.unlockAny(password);

  mkdirSync(dest, { recursive: true, mode: 0o700 });
  const staging = mkdtempSync(path.join(dest, '.restore-'));
  const staged = path.join(staging, STORE_FILE);
  let replacedDir: string | null = null;
  try {
    copyFileSync(path.join(src, BACKUP_STORE_FILE), staged);
    // Hash the copy too: what we install is exactly what we verified.
    await checkChecksum(staged, manifest);
    const check = checkStagedStore(staged, keyring.cipher, keys.dataKey);
    const actor = await identifyStaff(keyring, check.staff, password, 'backup.run');
    fsyncPath(staged);

    if (hasStore(dest)) replacedDir = moveAside(dest, clock.now());
    renameSync(staged, path.join(dest, STORE_FILE));
    // The keyring goes last: its presence is what marks the folder as set up.
    Keyring.writePortable(dest, keyringJson);
    fsyncPath(dest);

    const db = openStore({ file: path.join(dest, STORE_FILE), key: keys.dataKey, cipher: keyring.cipher });
    try {
      const branch = readBranch(db)?.code ?? '-';
      new AuditLog(db, clock, () => branch).append({
        action: 'backup.restored',
        staffId: actor.id,
        details: { fromSchemaVersion: manifest.schemaVersion, entries: check.verdict.entries, replaced: replacedDir !== null },
      });
      return {
        storeId: keyring.storeId,
        schemaVersion: schemaVersion(db),
        auditEntries: check.verdict.entries + 1,
        staffCount: check.staff.length,
        replacedDir,
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    keys.master.fill(0);
    keys.dataKey.fill(0);
  }
}
