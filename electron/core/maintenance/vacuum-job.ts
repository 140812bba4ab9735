import { AppError, ERROR_CODES, type ErrorCode } from '../errors.js';
import { CIPHERS, type CipherName } from '../store/database.js';

/**
 * What the main thread hands the VACUUM INTO worker. The key travels in `workerData` as a
 * transferred Uint8Array: never in env or argv, which other processes on the machine can read.
 */
export interface VacuumJob {
  file: string;
  target: string;
  cipher: CipherName;
  key: Uint8Array;
  nativeBinding?: string;
}

export type VacuumMessage = { type: 'ready' } | { type: 'done' } | { type: 'failed'; code: ErrorCode };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isVacuumJob(v: unknown): v is VacuumJob {
  return (
    isRecord(v) &&
    typeof v.file === 'string' &&
    typeof v.target === 'string' &&
    typeof v.cipher === 'string' &&
    (CIPHERS as readonly string[]).includes(v.cipher) &&
    v.key instanceof Uint8Array &&
    (v.nativeBinding === undefined || typeof v.nativeBinding === 'string')
  );
}

export function isVacuumMessage(v: unknown): v is VacuumMessage {
  if (!isRecord(v)) return false;
  if (v.type === 'ready' || v.type === 'done') return true;
  return v.type === 'failed' && typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code);
}

/** Only the stable code crosses the thread boundary: SQLite's messages may quote paths. */
export function errorCodeOf(e: unknown): ErrorCode {
  return e instanceof AppError ? e.code : 'internal';
}
