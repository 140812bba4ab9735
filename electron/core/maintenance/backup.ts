import { rmSync } from 'node:fs';
import path from 'node:path';
import type { DeskCore } from '../desk.js';
import { schemaVersion } from '../store/migrate.js';
import { fileSize, fsyncPath, prepareEmptyDir, sha256File, writeNewFile } from './files.js';
import { BACKUP_KEYRING_FILE, BACKUP_STORE_FILE, MANIFEST_FILE, type BackupManifest } from './manifest.js';
import { sqlFileLiteral } from './sql.js';
import { vacuumInto, type Progress, type VacuumMode } from './vacuum.js';

export interface BackupOptions {
  /** Who asked, for the audit entry. */
  staffId?: string | null;
  /** How often progress is sampled; tests sample faster than a UI needs. */
  pollMs?: number;
  /** false copies on the calling thread (what happens anyway where no worker can start). */
  useWorker?: boolean;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** 'inline' means progress was only reported at 0% and 100%. */
  progressMode: VacuumMode;
}

/**
 * Writes a backup of the open store into an empty folder: `store.db` (an encrypted snapshot,
 * same cipher and data key), `keyring.json` (password-wrapped entries only, never sealed by
 * this machine's keychain, so it restores elsewhere with a staff password) and
 * `manifest.json`, written last.
 *
 * Why VACUUM INTO: SQLite3MC refuses the online backup API from an encrypted source into
 * an unkeyed target, and better-sqlite3's `backup()` opens its own unkeyed target. VACUUM
 * INTO on a keyed connection writes the copy encrypted, as one consistent snapshot, while
 * the desk keeps working.
 */
export async function createBackup(
  desk: DeskCore,
  outDir: string,
  onProgress?: (p: Progress) => void,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  const staffId = opts.staffId ?? null;
  const store = desk.store();
  // Checked before any file system call: Node would refuse the NUL with a less useful error.
  sqlFileLiteral(outDir);
  const dir = path.resolve(outDir);
  prepareEmptyDir(dir);
  const target = path.join(dir, BACKUP_STORE_FILE);
  // Taken together with the snapshot, so the keyring matches the copy's key and cipher.
  const keyringJson = store.keyring.portableJson();
  const cipher = store.cipher;
  const version = schemaVersion(store.db);
  const written = [target, path.join(dir, BACKUP_KEYRING_FILE), path.join(dir, MANIFEST_FILE)];
  try {
    // The worker opens its own connection, so it needs the same addon (Electron's ABI in the app).
    const job = { file: desk.storeFile, target, cipher, key: store.keys.dataKey, ...(desk.nativeBinding ? { nativeBinding: desk.nativeBinding } : {}) };
    const progressMode = await vacuumInto(store.db, job, onProgress, {
      pollMs: opts.pollMs,
      useWorker: opts.useWorker,
      workerFile: desk.workers.vacuum,
    });
    // VACUUM INTO does not sync its output; a backup that vanishes in a power cut is no backup.
    fsyncPath(target);
    const manifest: BackupManifest = {
      format: 1,
      createdAt: desk.nowIso(),
      storeId: store.keyring.storeId,
      cipher,
      schemaVersion: version,
      sizeBytes: fileSize(target),
      sha256: await sha256File(target),
    };
    writeNewFile(path.join(dir, BACKUP_KEYRING_FILE), keyringJson);
    writeNewFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    fsyncPath(dir);
    // Sizes only: the folder's path may contain a person's name (a home folder).
    desk.store().audit.append({ action: 'backup.created', staffId, details: { bytes: manifest.sizeBytes, schemaVersion: version } });
    return { manifest, progressMode };
  } catch (e) {
    // The folder was empty when we started, so these names are ours alone.
    for (const f of written) rmSync(f, { force: true });
    throw e;
  }
}
