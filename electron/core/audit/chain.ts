import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain, kept pure so it can be tested without a database and reused
 * by the sync code that ships entries to the central system.
 *
 * Each entry's hash covers its own fields and the previous entry's hash. Editing an entry
 * breaks its hash; deleting or reordering entries breaks the sequence and the links.
 */
export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  staff_id: string | null;
  branch_code: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  // A JSON array fixes field order and escapes separators, so no two different rows
  // serialize to the same text.
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.staff_id,
    row.branch_code,
    row.action,
    row.entity_type,
    row.entity_id,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainProblem =
  | { kind: 'gap'; expectedSeq: number; foundSeq: number }
  | { kind: 'link'; seq: number }
  | { kind: 'hash'; seq: number }
  | { kind: 'head'; expectedSeq: number; foundSeq: number };

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  problems: ChainProblem[];
}

/**
 * Verifies rows in `seq` order. `head`, when known (kept in the store's meta table, updated
 * in the same transaction as each append), also catches entries cut off the end.
 */
export function verifyChain(rows: Iterable<AuditRow>, head?: { seq: number; hash: string }, maxProblems = 50): ChainVerdict {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  const note = (p: ChainProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) note({ kind: 'gap', expectedSeq, foundSeq: row.seq });
    if (row.prev_hash !== prevHash) note({ kind: 'link', seq: row.seq });
    const { hash, ...rest } = row;
    if (hashAuditRow(rest) !== hash) note({ kind: 'hash', seq: row.seq });
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const headSeq = expectedSeq - 1;
  if (head && (head.seq !== headSeq || head.hash !== prevHash)) {
    note({ kind: 'head', expectedSeq: head.seq, foundSeq: headSeq });
  }
  return { valid: problems.length === 0, entries: count, headSeq, headHash: prevHash, problems };
}
