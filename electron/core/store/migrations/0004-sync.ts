import type { Migration } from '../migrate.js';

/**
 * Sync with the central FHIR system: its settings, where the engine stands, the conflict
 * queue, and what it needs to recover after a crash.
 *
 * - `sync_settings` holds the central URL and the credentials (bearer token, or client
 *   certificate, key and CA in PEM). They live in the encrypted store, so they are encrypted
 *   at rest like everything else, and they travel with backups.
 * - `sync_state`: the pull cursor is stored in the same transaction as the page it follows,
 *   so a crash between pages re-reads at most one page, and applying a page twice is harmless.
 * - `sync_conflict`: both versions side by side until a person chooses. One open conflict
 *   per resource; the outbox row that hit it is marked `conflict`.
 * - `sync_attempt`: the content hash of every upload attempt not yet acknowledged. When an
 *   answer is lost after the central system committed and the record then changes locally,
 *   the next upload is refused as a conflict; these hashes let the engine recognise the
 *   central version as its own earlier write instead of bothering staff with it.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        base_url TEXT,
        auth_kind TEXT NOT NULL DEFAULT 'none' CHECK (auth_kind IN ('none', 'bearer', 'client-certificate')),
        bearer_token TEXT,
        client_cert_pem TEXT,
        client_key_pem TEXT,
        ca_pem TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pull_cursor TEXT,
        last_success_at TEXT,
        last_attempt_at TEXT,
        last_error_code TEXT,
        last_error_at TEXT
      ) STRICT;

      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE sync_conflict (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('version', 'duplicate')),
        resource_type TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        outbox_seq INTEGER,
        local_json TEXT NOT NULL,
        local_version INTEGER,
        remote_id TEXT,
        remote_json TEXT,
        remote_version TEXT,
        detected_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolution TEXT CHECK (resolution IS NULL OR resolution IN ('local', 'remote', 'merge')),
        resolved_at TEXT,
        resolved_by TEXT,
        CHECK (status = 'open' OR (resolution IS NOT NULL AND resolved_at IS NOT NULL))
      ) STRICT;

      CREATE UNIQUE INDEX sync_conflict_one_open ON sync_conflict (resource_type, resource_id) WHERE status = 'open';
      CREATE INDEX sync_conflict_by_status ON sync_conflict (status, detected_at);

      CREATE TABLE sync_attempt (
        resource_type TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (resource_type, resource_id, content_hash)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
