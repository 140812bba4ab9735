import Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from '../store/database.js';
import { sqlFileLiteral } from './sql.js';
import { errorCodeOf, isVacuumJob, type VacuumMessage } from './vacuum-job.js';

/**
 * Runs VACUUM INTO on its own keyed connection, off the main thread, so the desk keeps
 * answering while a large store is copied and the main thread can report progress. The
 * connection reads one WAL snapshot, so the copy is consistent while the desk writes.
 */
function run(): void {
  const port = parentPort;
  if (!port) return;
  const post = (m: VacuumMessage) => port.postMessage(m);
  post({ type: 'ready' });
  if (!isVacuumJob(workerData)) {
    post({ type: 'failed', code: 'internal' });
    return;
  }
  const job = workerData;
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength);
  try {
    const db = new Database(job.file, { fileMustExist: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
    try {
      applyKey(db, job.cipher, key);
      db.pragma('busy_timeout = 5000');
      db.pragma('temp_store = MEMORY');
      // On a keyed connection SQLite3MC writes the copy with the same cipher and key.
      db.exec(`VACUUM INTO ${sqlFileLiteral(job.target)}`);
    } finally {
      db.close();
    }
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'failed', code: errorCodeOf(e) });
  } finally {
    key.fill(0);
  }
}

run();
