import type { SqlClient } from './db.js';

export interface Migration {
  version: number;
  name: string;
  /** One statement per string: PGlite's parameterized path runs a single statement at a time. */
  statements: readonly string[];
}

/**
 * Numbered migrations, applied in order and never edited once released: a database that has
 * run version N must be able to reach N+1 by running only what follows.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'resources, history, identifiers, branch visibility',
    statements: [
      // One row per branch; only a SHA-256 of its bearer token is kept. NULL = revoked.
      `CREATE TABLE branch (
         code text PRIMARY KEY,
         token_hash bytea,
         updated_at timestamptz NOT NULL
       )`,
      // The change clock of version 1 (replaced in version 2): writers locked its single row,
      // so they ran one at a time and took sequence numbers in commit order.
      `CREATE TABLE change_clock (
         id int PRIMARY KEY CHECK (id = 1),
         last bigint NOT NULL
       )`,
      `INSERT INTO change_clock (id, last) VALUES (1, 0)`,
      // Every version of every resource, kept for history and replay detection.
      `CREATE TABLE resource_version (
         type text NOT NULL,
         id text NOT NULL,
         version int NOT NULL CHECK (version > 0),
         content jsonb NOT NULL,
         content_hash text NOT NULL,
         branch text REFERENCES branch (code),
         deleted boolean NOT NULL DEFAULT false,
         patient_id text,
         updated_at timestamptz NOT NULL,
         seq bigint NOT NULL UNIQUE,
         PRIMARY KEY (type, id, version)
       )`,
      `CREATE INDEX resource_version_hash ON resource_version (type, id, content_hash)`,
      `CREATE INDEX resource_version_branch ON resource_version (branch, type, id)`,
      // The current version of each resource and the patient it belongs to (its compartment).
      `CREATE TABLE resource_current (
         type text NOT NULL,
         id text NOT NULL,
         version int NOT NULL,
         deleted boolean NOT NULL,
         patient_id text,
         PRIMARY KEY (type, id),
         FOREIGN KEY (type, id, version) REFERENCES resource_version (type, id, version)
       )`,
      `CREATE INDEX resource_current_patient ON resource_current (patient_id)`,
      // Identifiers of current patients. is_unique marks the systems where one value may
      // belong to one patient only (the IIN); the partial index enforces it even if a check
      // in code were ever bypassed.
      `CREATE TABLE patient_identifier (
         system text NOT NULL,
         value text NOT NULL,
         patient_id text NOT NULL,
         is_unique boolean NOT NULL,
         PRIMARY KEY (system, value, patient_id)
       )`,
      `CREATE UNIQUE INDEX patient_identifier_unique ON patient_identifier (system, value) WHERE is_unique`,
      `CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id)`,
      // Which branch may see which patient, and why (registered there, looked up there…).
      `CREATE TABLE branch_patient (
         branch text NOT NULL REFERENCES branch (code),
         patient_id text NOT NULL,
         reason text NOT NULL,
         linked_at timestamptz NOT NULL,
         PRIMARY KEY (branch, patient_id)
       )`,
      `CREATE INDEX branch_patient_patient ON branch_patient (patient_id)`,
      // Each branch's change feed: the versions it may see, in clock order. Written when a
      // version is stored (for every branch that sees it) and when a branch gains a patient
      // (the current versions of that patient's resources), so _history is one index scan and
      // a branch that looks a patient up receives the records it did not have.
      `CREATE TABLE branch_feed (
         branch text NOT NULL REFERENCES branch (code),
         seq bigint NOT NULL,
         type text NOT NULL,
         id text NOT NULL,
         version int NOT NULL,
         PRIMARY KEY (branch, seq),
         UNIQUE (branch, type, id, version),
         FOREIGN KEY (type, id, version) REFERENCES resource_version (type, id, version)
       )`,
      // Who looked up whom. The searched identifier value (an IIN) is not stored: the patient
      // id found is enough to answer a subject's request, and the log holds no extra copy.
      `CREATE TABLE access_log (
         id bigserial PRIMARY KEY,
         at timestamptz NOT NULL,
         branch text NOT NULL REFERENCES branch (code),
         action text NOT NULL,
         identifier_system text,
         patient_id text,
         match_count int NOT NULL
       )`,
      `CREATE INDEX access_log_patient ON access_log (patient_id)`,
    ],
  },
  {
    version: 2,
    name: 'change feed without a global write lock',
    statements: [
      // Sequence numbers now come from a sequence, which hands them out in call order, not in
      // commit order. The feed is therefore ordered by (writing transaction id, seq): every
      // transaction whose id is below the oldest one still running (pg_snapshot_xmin) has
      // ended, and any change committed later belongs to a transaction at or above it. A
      // reader that stops there never passes a change that commits after it read.
      `CREATE SEQUENCE change_seq AS bigint`,
      `SELECT setval('change_seq', (SELECT last FROM change_clock WHERE id = 1) + 1, false)`,
      // Rows written before this migration were numbered in commit order: transaction 0.
      `ALTER TABLE branch_feed ADD COLUMN tx bigint NOT NULL DEFAULT 0`,
      `ALTER TABLE branch_feed ALTER COLUMN tx SET DEFAULT (pg_current_xact_id()::text::bigint)`,
      `ALTER TABLE branch_feed DROP CONSTRAINT branch_feed_pkey`,
      `ALTER TABLE branch_feed ADD PRIMARY KEY (branch, tx, seq)`,
      `ALTER TABLE resource_version ALTER COLUMN seq SET DEFAULT nextval('change_seq')`,
      `DROP TABLE change_clock`,
    ],
  },
];

/**
 * Brings the schema up to date in one transaction, so a failed start leaves the database as
 * it was. The table lock makes two servers starting against one database take turns.
 */
export async function migrate(sql: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" is numbered ${m.version}, expected ${i + 1}`);
  });
  return sql.transaction(async (tx) => {
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migration (
         version int PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await tx.query('LOCK TABLE schema_migration IN EXCLUSIVE MODE');
    const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migration');
    const current = row?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `the database is at schema version ${current}, newer than this server (${migrations.length}); refusing to start`,
      );
    }
    for (const m of migrations.slice(current)) {
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return migrations.length;
  });
}
