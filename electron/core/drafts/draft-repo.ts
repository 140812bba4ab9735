import type { Db } from '../store/database.js';

/** Form kinds that keep drafts. */
export const DRAFT_KINDS = ['patient.new', 'patient.edit', 'consent', 'request'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export interface Draft {
  payload: Record<string, unknown>;
  updatedAt: string;
}

/**
 * Half-filled forms, one per staff member, form kind and key, inside the encrypted store.
 * A draft holds whatever was typed (personal data: see personal-data/storage.ts), so it is
 * only ever read back by the person who wrote it.
 */
export class DraftRepository {
  constructor(private readonly db: Db) {}

  private static id(staffId: string, kind: DraftKind, key: string): string {
    return `${staffId}:${kind}:${key}`;
  }

  save(staffId: string, kind: DraftKind, key: string, json: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO draft (id, staff_id, kind, payload, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
      )
      .run(DraftRepository.id(staffId, kind, key), staffId, kind, json, at);
  }

  get(staffId: string, kind: DraftKind, key: string): Draft | null {
    const row = this.db.prepare('SELECT payload, updated_at FROM draft WHERE id = ?').get(DraftRepository.id(staffId, kind, key)) as
      | { payload: string; updated_at: string }
      | undefined;
    return row ? { payload: JSON.parse(row.payload) as Record<string, unknown>, updatedAt: row.updated_at } : null;
  }

  delete(staffId: string, kind: DraftKind, key: string): void {
    this.db.prepare('DELETE FROM draft WHERE id = ?').run(DraftRepository.id(staffId, kind, key));
  }
}
