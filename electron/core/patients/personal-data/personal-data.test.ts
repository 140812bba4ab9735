import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../store/database.js';
import { samplePatient } from '../../testing/patients.js';
import { patientInputSchema, type PatientFormValues, type PatientInput } from '../schema.js';
import { NOT_PERSONAL } from './not-personal.js';
import { DISPLAY_ORDER, PATIENT_FIELD_KEYS, PATIENT_FIELDS, PERSONAL_DATA_STORAGE, flatten, nest, unflatten, type FlatPatient, type PatientFieldKey } from './index.js';

const today = () => new Date('2026-11-25T09:00:00Z');
const parse = (over: Partial<PatientFormValues> = {}): PatientInput => patientInputSchema(today).parse(samplePatient(over));

/** Between them, every field holds a value: an adult with every optional field, and a minor with a representative. */
const ADULT = parse();
const MINOR = parse({
  surname: 'Нұрланов',
  givenName: 'Алихан',
  patronymic: null,
  iin: '150605500011',
  birthDate: '2015-06-05',
  sex: 'male',
  document: { type: 'birth-certificate', number: 'I-АЛ 123456', issuedOn: null, issuer: null, expiresOn: null },
  representative: { fullName: 'Нұрланова Әйгерім Серікқызы', iin: '880315400010', basis: 'birth-certificate' },
});

let dir: string;
let db: Db;
/** Every table of a store brought to the newest migration, with its columns as SQLite reports them. */
let schema: Map<string, { name: string; notnull: number }[]>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'personal-data-'));
  db = openStore({ file: path.join(dir, 'store.db'), key: randomBytes(32), cipher: 'aegis' });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  schema = new Map(tables.map((t) => [t.name, db.prepare('SELECT name, "notnull" FROM pragma_table_info(?)').all(t.name) as { name: string; notnull: number }[]]));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const described = new Set(PERSONAL_DATA_STORAGE.map((s) => `${s.table}.${s.column}`));
const notPersonal = new Set(Object.keys(NOT_PERSONAL));

describe('where personal data lives (against a migrated store)', () => {
  it('reads a real schema', () => {
    expect(schema.get('patient')?.length).toBeGreaterThan(20);
  });

  it('describes every column of every table, as personal data or explicitly not', () => {
    const columns = [...schema].flatMap(([table, cols]) => cols.map((c) => `${table}.${c.name}`));
    const undescribed = columns.filter((c) => !described.has(c) && !notPersonal.has(c));
    // A column here holds data nobody has classified: describe it in personal-data/storage.ts
    // (or fields.ts for a patient field), or add it to not-personal.ts saying why.
    expect(undescribed).toEqual([]);
  });

  it('describes only columns that exist, and no column both ways', () => {
    const existing = new Set([...schema].flatMap(([table, cols]) => cols.map((c) => `${table}.${c.name}`)));
    expect([...described].filter((c) => !existing.has(c))).toEqual([]);
    expect([...notPersonal].filter((c) => !existing.has(c))).toEqual([]);
    expect([...described].filter((c) => notPersonal.has(c))).toEqual([]);
    expect(PERSONAL_DATA_STORAGE.length).toBe(described.size);
  });

  it('never plans to empty a NOT NULL column by removing its value', () => {
    const notNull = new Set([...schema].flatMap(([table, cols]) => cols.filter((c) => c.notnull === 1).map((c) => `${table}.${c.name}`)));
    const bad = PERSONAL_DATA_STORAGE.filter((s) => s.anonymize.kind === 'remove' && notNull.has(`${s.table}.${s.column}`)).map((s) => `${s.table}.${s.column}`);
    expect(bad).toEqual([]);
  });

  it("marks a patient field required exactly when its column is NOT NULL", () => {
    const cols = new Map(schema.get('patient')!.map((c) => [c.name, c.notnull === 1]));
    expect(PATIENT_FIELDS.map((f) => [f.key, f.required])).toEqual(PATIENT_FIELDS.map((f) => [f.key, cols.get(f.column)]));
  });
});

describe('the patient field descriptor', () => {
  it('has one entry per key and per column', () => {
    expect(new Set(PATIENT_FIELD_KEYS).size).toBe(PATIENT_FIELDS.length);
    expect(new Set(PATIENT_FIELDS.map((f) => f.column)).size).toBe(PATIENT_FIELDS.length);
  });

  it("gives every field its own place on the card: names, IIN, birth, document, contact, language, representative", () => {
    expect([...PATIENT_FIELDS.map((f) => f.displayOrder)].sort((a, b) => a - b)).toEqual(PATIENT_FIELDS.map((_f, i) => i + 1));
    expect(DISPLAY_ORDER.slice(0, 4)).toEqual(['surname', 'givenName', 'patronymic', 'iin']);
    expect(DISPLAY_ORDER.slice(-3)).toEqual(['representative.fullName', 'representative.iin', 'representative.basis']);
  });

  it('keeps the order stored history rows already list fields in', () => {
    expect(PATIENT_FIELD_KEYS).toEqual([
      'iin', 'surname', 'givenName', 'patronymic', 'birthDate', 'sex',
      'document.type', 'document.number', 'document.issuedOn', 'document.issuer', 'document.expiresOn',
      'phone', 'email', 'address', 'representative.fullName', 'representative.iin', 'representative.basis', 'preferredLanguage',
    ]);
  });

  it.each([
    ['an adult with every field', ADULT],
    ['a minor with a representative', MINOR],
  ])('flattens and unflattens %s without loss', (_name, p) => {
    expect(Object.keys(flatten(p))).toEqual(PATIENT_FIELD_KEYS);
    expect(unflatten(flatten(p))).toEqual(p);
    expect(nest(flatten(p))).toEqual(p);
  });

  it('reads every flat key back into its own place', () => {
    const full: FlatPatient = { ...flatten(ADULT), 'representative.fullName': 'Ахметов Ерлан', 'representative.iin': '900702300014', 'representative.basis': 'power-of-attorney' };
    for (const f of PATIENT_FIELDS) {
      const other = 'values' in f ? f.values.find((v) => v !== full[f.key]) : f.display.kind === 'date' ? '2001-02-03' : `${full[f.key] ?? ''}x`;
      const changed = flatten(unflatten({ ...full, [f.key]: other }));
      const diff = PATIENT_FIELD_KEYS.filter((k: PatientFieldKey) => changed[k] !== full[k]);
      expect([f.key, diff]).toEqual([f.key, [f.key]]);
    }
  });

  it('refuses flat values no stored row can hold', () => {
    expect(() => unflatten({ ...flatten(ADULT), surname: null })).toThrow(/surname/);
    expect(() => unflatten({ ...flatten(ADULT), sex: 'other' })).toThrow(/sex/);
  });

  it('lists the allowed values of every coded field, and only of those', () => {
    for (const f of PATIENT_FIELDS) expect([f.key, 'values' in f]).toEqual([f.key, f.display.kind === 'code']);
  });

  it('writes and reads every field through its own FHIR element', () => {
    for (const p of [ADULT, MINOR]) {
      const out = { resourceType: 'Patient' as const, id: 'p1' };
      for (const f of PATIENT_FIELDS) {
        const v = f.get(p);
        if (v !== null) f.fhir.write(out, v);
      }
      const view = JSON.parse(JSON.stringify(out)) as Parameters<(typeof PATIENT_FIELDS)[number]['fhir']['read']>[0];
      expect(PATIENT_FIELDS.map((f) => [f.key, f.fhir.read(view)])).toEqual(PATIENT_FIELDS.map((f) => [f.key, f.get(p)]));
    }
  });

  it('labels every field in the patient and sync screens, in kk, ru and en', () => {
    const missing: string[] = [];
    for (const lang of ['kk', 'ru', 'en']) {
      for (const ns of ['patient', 'sync']) {
        const file = path.resolve(import.meta.dirname, `../../../../resources/locales/${lang}/${ns}.json`);
        const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        for (const f of PATIENT_FIELDS) {
          const label = `field.${f.key}`.split('.').reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), json);
          if (typeof label !== 'string' || label === '') missing.push(`${lang}/${ns}:field.${f.key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
