import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in repositories (Signal Desktop's typed readers and writers), checked on the
 * source: the API handlers hold none, and everything that writes a patient, its history, its
 * name index or a duplicate override goes through the one patient writer, so a status or a
 * history row cannot be written two different ways again.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [rel] : [];
  });
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Migrations create the tables; test helpers set up stores: neither is app code. */
const APP_CODE = sourceFiles('electron/core').filter((f) => !f.startsWith('electron/core/store/migrations/') && !f.includes('/testing/'));

/** A statement run on the connection (`store.db.prepare(…)`), not a service method of the same name. */
const RUNS_SQL = /\bdb\s*\.\s*(?:prepare|exec|pragma)\s*\(/;
const WRITES_PATIENT_DATA = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:patient|patient_history|patient_name_fts|duplicate_override)\b/i;
const READS_PATIENT_DATA = /\b(?:FROM|JOIN)\s+(?:patient|patient_history|patient_name_fts)\b/i;

/** Repositories that read a patient's name beside their own rows, each for a reason. */
const READ_ELSEWHERE: Record<string, string> = {
  'electron/core/consent/dpo-tasks.ts': "the data-protection officer's task list names each task's patient",
  // Left for the sync work in progress: picks the merged records to upload before the one kept.
  'electron/core/sync/upload.ts': 'the upload batch joins the outbox with merged patients',
};

describe('where SQL lives', () => {
  it('finds the files it checks', () => {
    expect(APP_CODE.length).toBeGreaterThan(50);
  });

  it('the API handlers hold no SQL', () => {
    const bad = sourceFiles('electron/core/api/handlers').filter((f) => RUNS_SQL.test(read(f)));
    expect(bad).toEqual([]);
  });

  it('only the patient writer writes patients, their history, their name index and duplicate overrides', () => {
    const writers = APP_CODE.filter((f) => WRITES_PATIENT_DATA.test(read(f)));
    expect(writers).toEqual(['electron/core/patients/patient-writer.ts']);
  });

  it('only the patient repository reads them, apart from the listed read models', () => {
    const readers = APP_CODE.filter((f) => READS_PATIENT_DATA.test(read(f)) && !(f in READ_ELSEWHERE));
    expect(readers.sort()).toEqual(['electron/core/patients/patient-reader.ts', 'electron/core/patients/patient-writer.ts']);
  });

  it('the patterns see the statements they look for', () => {
    expect(WRITES_PATIENT_DATA.test("db.prepare('UPDATE patient SET status = ? WHERE id = ?')")).toBe(true);
    expect(WRITES_PATIENT_DATA.test('INSERT INTO patient_history (patient_id) VALUES (?)')).toBe(true);
    expect(WRITES_PATIENT_DATA.test('UPDATE patient_consent SET x = 1')).toBe(false);
    expect(READS_PATIENT_DATA.test('SELECT 1 FROM dpo_task t JOIN patient p ON p.id = t.patient_id')).toBe(true);
    expect(RUNS_SQL.test("ctx.desk\n  .store()\n  .db.prepare('SELECT 1')")).toBe(true);
    expect(RUNS_SQL.test('ctx.desk.store().consents.prepare(input)')).toBe(false);
  });
});
