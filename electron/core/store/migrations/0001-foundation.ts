import type { Migration } from '../migrate.js';

/**
 * Branch, operator, staff, settings and the audit log.
 *
 * The audit log is append-only at the SQL level (triggers) and hash-chained at the row
 * level: the triggers stop mistakes and casual edits, the chain detects anyone who removed
 * the triggers first.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE branch (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The operator of personal data as the printed forms name it. Russian needs the
      -- director's name in the dative ("Директору ... Утебаевой А.Б."), which cannot be
      -- derived reliably, so it is entered.
      CREATE TABLE operator (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        legal_name_kk TEXT NOT NULL,
        legal_name_ru TEXT NOT NULL,
        bin TEXT NOT NULL CHECK (length(bin) = 12),
        postal_address TEXT NOT NULL,
        director_name TEXT NOT NULL,
        director_name_ru_dative TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('receptionist', 'manager', 'admin')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        staff_id TEXT,
        branch_code TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT,
        entity_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;

      CREATE INDEX audit_by_entity ON audit_log (entity_type, entity_id, seq);
      CREATE INDEX audit_by_staff ON audit_log (staff_id, seq);
      CREATE INDEX audit_by_action ON audit_log (action, seq);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `);
  },
};
