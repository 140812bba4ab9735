import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';

/** File helpers for backups: every file we hand over as "done" has been fsynced. */

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder opened read-only; a file fsync there goes through.
  } finally {
    closeSync(fd);
  }
}

/** Writes a new file (never overwrites) and fsyncs it. */
export function writeNewFile(file: string, content: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Makes sure `dir` exists and is empty. A backup never mixes with other files: an older
 * backup's manifest beside a new store.db would describe the wrong file.
 */
export function prepareEmptyDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory() || readdirSync(dir).length > 0) {
      throw new AppError('backup.invalid', { details: { reason: 'outDirNotEmpty' } });
    }
    return;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** `replaced-<timestamp>` under `dataDir`, unique even when two restores share a millisecond. */
export function replacedDirName(dataDir: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let name = `replaced-${stamp}`;
  for (let i = 2; existsSync(path.join(dataDir, name)); i++) name = `replaced-${stamp}-${i}`;
  return name;
}
