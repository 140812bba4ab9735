import type { Db } from '../store/database.js';

export interface Branch {
  code: string;
  name: string;
  address: string;
}

/** The operator of personal data, as the printed forms name it. */
export interface Operator {
  legalNameKk: string;
  legalNameRu: string;
  bin: string;
  postalAddress: string;
  directorName: string;
  directorNameRuDative: string;
}

export interface DeskSettings {
  idleLockMinutes: number;
}

export const DEFAULT_SETTINGS: DeskSettings = { idleLockMinutes: 5 };

export function readBranch(db: Db): Branch | undefined {
  return db.prepare('SELECT code, name, address FROM branch WHERE id = 1').get() as Branch | undefined;
}

export function writeBranch(db: Db, b: Branch, at: string): void {
  db.prepare(
    `INSERT INTO branch (id, code, name, address, created_at, updated_at) VALUES (1, @code, @name, @address, @at, @at)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, address = excluded.address, updated_at = excluded.updated_at`,
  ).run({ ...b, at });
}

export function readOperator(db: Db): Operator | undefined {
  return db
    .prepare(
      `SELECT legal_name_kk AS legalNameKk, legal_name_ru AS legalNameRu, bin, postal_address AS postalAddress,
              director_name AS directorName, director_name_ru_dative AS directorNameRuDative
       FROM operator WHERE id = 1`,
    )
    .get() as Operator | undefined;
}

export function writeOperator(db: Db, o: Operator, at: string): void {
  db.prepare(
    `INSERT INTO operator (id, legal_name_kk, legal_name_ru, bin, postal_address, director_name, director_name_ru_dative, updated_at)
     VALUES (1, @legalNameKk, @legalNameRu, @bin, @postalAddress, @directorName, @directorNameRuDative, @at)
     ON CONFLICT (id) DO UPDATE SET legal_name_kk = excluded.legal_name_kk, legal_name_ru = excluded.legal_name_ru,
       bin = excluded.bin, postal_address = excluded.postal_address, director_name = excluded.director_name,
       director_name_ru_dative = excluded.director_name_ru_dative, updated_at = excluded.updated_at`,
  ).run({ ...o, at });
}

export function readSettings(db: Db): DeskSettings {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'desk'").get() as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS;
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as Partial<DeskSettings>) };
}

export function writeSettings(db: Db, s: DeskSettings): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('desk', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(s),
  );
}
