import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import type { Db } from '../store/database.js';
import { fileSize } from './files.js';
import { sqlFileLiteral } from './sql.js';
import { isVacuumMessage, type VacuumJob } from './vacuum-job.js';

export interface Progress {
  done: number;
  total: number;
}

/** How the copy ran: in a worker with real progress, or inline with only 0% and 100%. */
export type VacuumMode = 'worker' | 'inline';

/** How often the target's size is read: often enough for a progress bar, rare enough to cost nothing. */
export const DEFAULT_POLL_MS = 100;

/**
 * Starts the worker, or returns null where none can be started from here. From a source
 * checkout the entry is a `.ts` file: Node 20 ignores `--import tsx` in worker threads
 * (tried: ERR_UNKNOWN_FILE_EXTENSION under both tsx and vitest), so the worker boots through
 * tsx's API instead. Built per-file JavaScript loads directly. The Electron build bundles
 * the worker as its own file (scripts/build-electron.mjs) and the shell passes its path as
 * `workerFile`, since a bundle has no `import.meta.url` to find it by.
 */
function startWorker(job: VacuumJob, workerFile?: string): Worker | null {
  const opts = { workerData: job, transferList: [job.key.buffer as ArrayBuffer] };
  if (workerFile) return new Worker(workerFile, opts);
  let entry: URL;
  let bootstrap: string | null = null;
  try {
    const ext = path.extname(fileURLToPath(import.meta.url));
    entry = new URL(`./vacuum-worker${ext}`, import.meta.url);
    if (ext === '.ts') {
      const tsxApi = import.meta.resolve('tsx/esm/api');
      bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
    }
  } catch {
    return null;
  }
  return bootstrap ? new Worker(bootstrap, { ...opts, eval: true }) : new Worker(entry, opts);
}

/** Resolves 'unavailable' when the worker died before it ran our code (no tsx, no addon). */
function runWorker(worker: Worker): Promise<'done' | 'unavailable'> {
  return new Promise((resolve, reject) => {
    let ready = false;
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    worker.on('message', (m: unknown) => {
      if (!isVacuumMessage(m)) return;
      if (m.type === 'ready') ready = true;
      else if (m.type === 'done') settle(() => resolve('done'));
      else settle(() => reject(new AppError(m.code)));
    });
    worker.on('error', () => settle(() => (ready ? reject(new AppError('internal')) : resolve('unavailable'))));
    worker.on('exit', () => settle(() => (ready ? reject(new AppError('internal')) : resolve('unavailable'))));
  });
}

/**
 * Copies the open store into `target` with VACUUM INTO, reporting progress as the target
 * grows towards the source's page_count * page_size (the copy can end smaller: VACUUM drops
 * free pages, so the last report is always done === total, taking the larger of the two).
 */
export async function vacuumInto(
  db: Db,
  job: Omit<VacuumJob, 'key'> & { key: Buffer },
  onProgress?: (p: Progress) => void,
  opts: { pollMs?: number; useWorker?: boolean; workerFile?: string } = {},
): Promise<VacuumMode> {
  const pageCount = Number(db.pragma('page_count', { simple: true }));
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const total = pageCount * pageSize;
  onProgress?.({ done: 0, total });
  // A copy of the key in its own ArrayBuffer, transferred: afterwards only the worker holds it.
  const worker = opts.useWorker === false ? null : startWorker({ ...job, key: new Uint8Array(job.key) }, opts.workerFile);
  let mode: VacuumMode = 'worker';
  if (worker) {
    let last = 0;
    const timer = setInterval(() => {
      const done = Math.min(fileSize(job.target), total);
      if (done !== last) onProgress?.({ done, total });
      last = done;
    }, opts.pollMs ?? DEFAULT_POLL_MS);
    try {
      if ((await runWorker(worker)) === 'unavailable') mode = 'inline';
    } finally {
      clearInterval(timer);
    }
  } else {
    mode = 'inline';
  }
  if (mode === 'inline') {
    // Same statement on the desk's own keyed connection; it blocks this thread meanwhile.
    db.exec(`VACUUM INTO ${sqlFileLiteral(job.target)}`);
  }
  const size = fileSize(job.target);
  onProgress?.({ done: Math.max(size, total), total: Math.max(size, total) });
  return mode;
}
