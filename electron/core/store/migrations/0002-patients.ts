import type { Migration } from '../migrate.js';

/**
 * Patients, their version history, duplicate-warning overrides, form drafts, and the sync
 * outbox.
 *
 * - Ids are UUIDs made on the device, so a patient registered offline keeps its id on the
 *   central system and every upload retry is idempotent.
 * - `patient_history` keeps each previous version (policy 2.10: the right to demand
 *   correction makes corrections a normal, audited flow that must be traceable).
 * - Name search uses a contentless FTS5 index over folded names (see patients/fold.ts);
 *   IIN and phone use prefix ranges on ordinary indexes.
 * - The outbox holds one pending row per changed resource; its content is read at send
 *   time, so many edits offline become one upload.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'patients',
  up(db) {
    db.exec(`
      CREATE TABLE patient (
        id TEXT PRIMARY KEY,
        iin TEXT UNIQUE CHECK (iin IS NULL OR length(iin) = 12),
        surname TEXT NOT NULL,
        given_name TEXT NOT NULL,
        patronymic TEXT,
        birth_date TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
        doc_type TEXT NOT NULL CHECK (doc_type IN ('id-card', 'passport', 'birth-certificate', 'residence-permit')),
        doc_number TEXT NOT NULL,
        doc_issued_on TEXT,
        doc_issuer TEXT,
        doc_expires_on TEXT,
        phone TEXT NOT NULL,
        phone_digits TEXT NOT NULL,
        email TEXT,
        address TEXT NOT NULL,
        rep_full_name TEXT,
        rep_iin TEXT,
        rep_basis TEXT CHECK (rep_basis IS NULL OR rep_basis IN ('power-of-attorney', 'birth-certificate', 'court-decision', 'guardianship')),
        preferred_language TEXT CHECK (preferred_language IS NULL OR preferred_language IN ('kk', 'ru')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'blocked')),
        merged_into TEXT REFERENCES patient (id),
        search_name TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        remote_version TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      CREATE INDEX patient_by_phone ON patient (phone_digits);
      CREATE INDEX patient_by_birth_date ON patient (birth_date);
      CREATE INDEX patient_by_search_name ON patient (search_name);

      CREATE VIRTUAL TABLE patient_name_fts USING fts5 (
        name,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '1 2 3'
      );

      CREATE TABLE patient_history (
        id INTEGER PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patient (id),
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'merge', 'import', 'remote', 'status')),
        changed_at TEXT NOT NULL,
        changed_by TEXT,
        reason TEXT,
        fields TEXT NOT NULL,
        before TEXT,
        UNIQUE (patient_id, version)
      ) STRICT;

      CREATE TABLE duplicate_override (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patient (id),
        candidate_ids TEXT NOT NULL,
        reason TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE draft (
        id TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY,
        resource_type TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed', 'conflict', 'sent')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT
      ) STRICT;

      CREATE UNIQUE INDEX outbox_one_pending ON outbox (resource_type, resource_id) WHERE state IN ('pending', 'failed');
      CREATE INDEX outbox_by_state ON outbox (state, seq);
    `);
    // Audit entries written before this migration still have to reach the central system.
    db.exec(`
      INSERT INTO outbox (resource_type, resource_id, created_at)
      SELECT 'AuditEvent', id, at FROM audit_log ORDER BY seq;
    `);
  },
};
