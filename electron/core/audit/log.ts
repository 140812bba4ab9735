import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../store/database.js';
import { Statements } from '../store/statements.js';
import { enqueue } from '../sync/outbox.js';
import { GENESIS_HASH, hashAuditRow, verifyChain, type AuditRow, type ChainVerdict } from './chain.js';

/**
 * What is recorded for each operation on personal data (policy 2.6, "ведение учета операций
 * с персональными данными"): who, what, which record, when and from which branch.
 *
 * `details` holds identifiers and counts only, never names, IINs or phone numbers: the audit
 * log is shipped to the central system and shown to managers, and must not become a second
 * copy of the patient register.
 */
export interface AuditEntryInput {
  action: string;
  staffId: string | null;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditFilter {
  action?: string;
  staffId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

const HEAD_KEY = 'audit.head';

export class AuditLog {
  private readonly statements: Statements;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly branchCode: () => string,
  ) {
    this.statements = new Statements(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  /**
   * Appends one entry. Callers that change data call this inside their own transaction, so
   * the change and its audit entry commit together or not at all; better-sqlite3 nests the
   * inner transaction as a savepoint.
   */
  append(input: AuditEntryInput): AuditRow {
    return this.db.transaction((): AuditRow => {
      const last = this.sql('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      const rest: Omit<AuditRow, 'hash'> = {
        seq: (last?.seq ?? 0) + 1,
        id: randomUUID(),
        at: this.clock.now().toISOString(),
        staff_id: input.staffId,
        branch_code: this.branchCode(),
        action: input.action,
        entity_type: input.entityType ?? null,
        entity_id: input.entityId ?? null,
        details: JSON.stringify(input.details ?? {}),
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      const row: AuditRow = { ...rest, hash: hashAuditRow(rest) };
      this.sql(
          `INSERT INTO audit_log (seq, id, at, staff_id, branch_code, action, entity_type, entity_id, details, prev_hash, hash)
           VALUES (@seq, @id, @at, @staff_id, @branch_code, @action, @entity_type, @entity_id, @details, @prev_hash, @hash)`,
        )
        .run(row);
      this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(HEAD_KEY, JSON.stringify({ seq: row.seq, hash: row.hash }));
      // Every entry is also shipped to the central system as an AuditEvent: the central copy
      // is the anchor that a local attacker with the key cannot rewrite.
      enqueue(this.statements, 'AuditEvent', row.id, row.at);
      return row;
    })();
  }

  list(filter: AuditFilter): AuditRow[] {
    // Every condition is a fixed fragment with a bound parameter; nothing from the request
    // becomes SQL text.
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.action) {
      where.push('action = @action');
      params.action = filter.action;
    }
    if (filter.staffId) {
      where.push('staff_id = @staffId');
      params.staffId = filter.staffId;
    }
    if (filter.entityType) {
      where.push('entity_type = @entityType');
      params.entityType = filter.entityType;
    }
    if (filter.entityId) {
      where.push('entity_id = @entityId');
      params.entityId = filter.entityId;
    }
    if (filter.from) {
      where.push('at >= @from');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('at < @to');
      params.to = filter.to;
    }
    if (filter.beforeSeq) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = filter.beforeSeq;
    }
    params.limit = filter.limit;
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return this.sql(sql).all(params) as AuditRow[];
  }

  verify(): ChainVerdict {
    const headRow = this.sql('SELECT value FROM meta WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
    const head = headRow ? (JSON.parse(headRow.value) as { seq: number; hash: string }) : undefined;
    const rows = this.sql('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>;
    return verifyChain(rows, head);
  }

  count(): number {
    return (this.sql('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }
}
