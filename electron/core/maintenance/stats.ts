import { z } from 'zod';
import type { DeskCore } from '../desk.js';
import { activeCipher, type Db } from '../store/database.js';
import { schemaVersion } from '../store/migrate.js';
import { fileSize } from './files.js';

/**
 * Tables whose row counts are worth showing an admin. A fixed list: table names cannot be
 * bound as parameters, so only these constants ever become SQL text, and only after
 * sqlite_master confirms the table exists (later migrations add some of them).
 */
const COUNTED_TABLES = ['staff', 'audit_log', 'patient', 'patient_history', 'consent', 'draft', 'outbox'] as const;
type CountedTable = (typeof COUNTED_TABLES)[number];

export interface StoreStats {
  storeId: string;
  schemaVersion: number;
  cipher: { active: string; recorded: string | null; keyring: string };
  files: { storeBytes: number; walBytes: number };
  tables: Partial<Record<CountedTable, number>>;
  audit: { entries: number; headSeq: number | null; headHash: string | null };
}

const headSchema = z.object({ seq: z.number().int(), hash: z.string() });

function metaValue(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function countTables(db: Db): Partial<Record<CountedTable, number>> {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  const out: Partial<Record<CountedTable, number>> = {};
  for (const table of COUNTED_TABLES) {
    if (!exists.get(table)) continue;
    out[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return out;
}

function auditHead(db: Db): { headSeq: number | null; headHash: string | null } {
  const raw = metaValue(db, 'audit.head');
  if (raw === null) return { headSeq: null, headHash: null };
  try {
    const head = headSchema.parse(JSON.parse(raw));
    return { headSeq: head.seq, headHash: head.hash };
  } catch {
    return { headSeq: null, headHash: null };
  }
}

/** Counts, sizes and cipher of the open store: identifiers and numbers only, never personal data. */
export function storeStats(desk: DeskCore): StoreStats {
  const { db, keyring } = desk.store();
  const tables = countTables(db);
  return {
    storeId: keyring.storeId,
    schemaVersion: schemaVersion(db),
    cipher: { active: activeCipher(db), recorded: metaValue(db, 'store.cipher'), keyring: keyring.cipher },
    files: { storeBytes: fileSize(desk.storeFile), walBytes: fileSize(`${desk.storeFile}-wal`) },
    tables,
    audit: { entries: tables.audit_log ?? 0, ...auditHead(db) },
  };
}
