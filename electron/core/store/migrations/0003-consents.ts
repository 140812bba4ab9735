import type { Migration } from '../migrate.js';

/**
 * Consents to personal-data processing, their printed PDFs, prints, and the manager's
 * data-protection tasks.
 *
 * A consent must be provable later: the text version and language shown, the SHA-256 of the
 * exact text, the values filled into it, the purposes chosen, who signed (the patient or a
 * representative, and on what basis), who took it and when. The signed PDF is kept inside the
 * encrypted store with its hash, so it can be reprinted byte-for-byte. A withdrawn consent is
 * never re-activated: a new consent is a new row.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'consents',
  up(db) {
    db.exec(`
      CREATE TABLE consent_version (
        version TEXT PRIMARY KEY,
        published_at TEXT NOT NULL,
        published_by TEXT,
        manifest TEXT NOT NULL,
        template_kk TEXT NOT NULL,
        template_ru TEXT NOT NULL,
        first_used_at TEXT
      ) STRICT;

      CREATE TABLE consent (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        patient_id TEXT NOT NULL REFERENCES patient (id),
        version TEXT NOT NULL REFERENCES consent_version (version),
        language TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'kk+ru')),
        text_sha256 TEXT NOT NULL,
        fill TEXT NOT NULL,
        purposes TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending-signature', 'active', 'refused', 'withdrawn')),
        signature_kind TEXT CHECK (signature_kind IS NULL OR signature_kind IN ('paper', 'drawn')),
        signed_by TEXT CHECK (signed_by IS NULL OR signed_by IN ('subject', 'representative')),
        rep_full_name TEXT,
        rep_iin TEXT,
        rep_basis TEXT,
        signature_png BLOB,
        pdf BLOB,
        pdf_sha256 TEXT,
        pdf_size INTEGER,
        created_at TEXT NOT NULL,
        created_by TEXT,
        signed_at TEXT,
        confirmed_by TEXT,
        refused_at TEXT,
        withdrawn_at TEXT,
        withdrawal_reason TEXT,
        withdrawal_source TEXT CHECK (withdrawal_source IS NULL OR withdrawal_source IN ('desk', 'central')),
        remote_version TEXT,
        CHECK (state != 'active' OR (signature_kind IS NOT NULL AND signed_at IS NOT NULL)),
        CHECK (state != 'withdrawn' OR withdrawn_at IS NOT NULL)
      ) STRICT;

      CREATE INDEX consent_by_patient ON consent (patient_id, created_at);

      CREATE TABLE consent_print (
        id TEXT PRIMARY KEY,
        consent_id TEXT NOT NULL REFERENCES consent (id),
        kind TEXT NOT NULL CHECK (kind IN ('consent', 'withdrawal')),
        pdf_sha256 TEXT NOT NULL,
        printed_at TEXT NOT NULL,
        printed_by TEXT
      ) STRICT;

      CREATE TABLE dpo_task (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        patient_id TEXT NOT NULL REFERENCES patient (id),
        consent_id TEXT REFERENCES consent (id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        closed_at TEXT,
        closed_by TEXT,
        note TEXT
      ) STRICT;

      CREATE INDEX dpo_task_open ON dpo_task (status, created_at);

      CREATE TABLE document_counter (
        kind TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
