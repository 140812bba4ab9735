import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AuditLog } from '../audit/log.js';
import type { ChainVerdict } from '../audit/chain.js';
import { systemClock } from '../clock.js';
import { AppError } from '../errors.js';
import { Keyring } from '../keys/keyring.js';
import { applyKey, type CipherName } from '../store/database.js';
import { schemaVersion } from '../store/migrate.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { StaffReader, type StaffRecord } from '../staff/staff-repo.js';
import { sha256File } from './files.js';
import { BACKUP_KEYRING_FILE, BACKUP_STORE_FILE, MANIFEST_FILE, manifestSchema, type BackupManifest } from './manifest.js';

/** Reads and cross-checks a backup folder's manifest and keyring; touches nothing. */
export function readBackupFolder(backupDir: string): { manifest: BackupManifest; keyringJson: string } {
  let manifest: BackupManifest;
  let keyringJson: string;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8')));
    keyringJson = readFileSync(path.join(backupDir, BACKUP_KEYRING_FILE), 'utf8');
  } catch (e) {
    throw new AppError('backup.invalid', { details: { reason: 'manifest' }, cause: e });
  }
  let keyring: ReturnType<typeof Keyring.parsePortable>;
  try {
    keyring = Keyring.parsePortable(keyringJson);
  } catch (e) {
    throw new AppError('backup.invalid', { details: { reason: 'keyring' }, cause: e });
  }
  if (keyring.storeId !== manifest.storeId || keyring.cipher !== manifest.cipher) {
    throw new AppError('backup.invalid', { details: { reason: 'keyring' } });
  }
  if (!existsSync(path.join(backupDir, BACKUP_STORE_FILE))) throw new AppError('backup.invalid', { details: { reason: 'store' } });
  return { manifest, keyringJson };
}

/** The store file must be byte for byte the one the manifest describes. */
export async function checkChecksum(file: string, manifest: BackupManifest): Promise<void> {
  const actual = await sha256File(file);
  if (actual !== manifest.sha256) throw new AppError('backup.invalid', { details: { reason: 'checksum' } });
}

export interface StagedCheck {
  schemaVersion: number;
  verdict: ChainVerdict;
  staff: StaffRecord[];
}

/**
 * Looks inside a staged copy of the backup's store: the key opens it, SQLite finds no
 * damage, the schema is one this app understands, and the audit chain is intact. The
 * connection is query-only, so nothing is written to the copy before it is installed.
 */
export function checkStagedStore(file: string, cipher: CipherName, key: Buffer): StagedCheck {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyKey(db, cipher, key);
    db.pragma('query_only = ON');
    db.pragma('temp_store = MEMORY');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('backup.invalid', { details: { reason: 'integrity' } });
    const version = schemaVersion(db);
    if (version > MIGRATIONS.length) {
      throw new AppError('store.newerThanApp', { details: { storeVersion: version, appVersion: MIGRATIONS.length } });
    }
    const verdict = new AuditLog(db, systemClock, () => '-').verify();
    if (!verdict.valid) throw new AppError('audit.chainBroken', { details: { entries: verdict.entries } });
    return { schemaVersion: version, verdict, staff: new StaffReader(db).list() };
  } finally {
    db.close();
  }
}
