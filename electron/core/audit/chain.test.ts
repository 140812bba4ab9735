import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditRow, verifyChain, type AuditRow } from './chain.js';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const rest = { seq, id: `id-${seq}`, at: `2026-11-25T09:00:0${seq}Z`, staff_id: 's1', branch_code: 'ALA-01', action: 'patient.viewed', entity_type: 'patient', entity_id: `p${seq}`, details: '{}', prev_hash: prev };
    const row = { ...rest, hash: hashAuditRow(rest) };
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

const head = (rows: AuditRow[]) => ({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const rows = chain(5);
    expect(verifyChain(rows, head(rows))).toMatchObject({ valid: true, entries: 5, headSeq: 5, problems: [] });
  });

  it('finds an edited entry', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, entity_id: 'someone-else' };
    expect(verifyChain(rows, head(chain(5))).problems).toContainEqual({ kind: 'hash', seq: 3 });
  });

  it('finds an edited entry whose hash was recomputed (the next link breaks)', () => {
    const rows = chain(5);
    const { hash: _h, ...rest } = { ...rows[2]!, action: 'patient.printed' };
    rows[2] = { ...rest, hash: hashAuditRow(rest) };
    expect(verifyChain(rows).problems).toContainEqual({ kind: 'link', seq: 4 });
  });

  it('finds a deleted entry', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    const v = verifyChain(rows);
    expect(v.valid).toBe(false);
    expect(v.problems).toContainEqual({ kind: 'gap', expectedSeq: 2, foundSeq: 3 });
  });

  it('finds reordered entries', () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(verifyChain(rows).valid).toBe(false);
  });

  it('finds entries cut off the end, given the recorded head', () => {
    const rows = chain(5);
    expect(verifyChain(rows.slice(0, 3), head(rows)).problems).toContainEqual({ kind: 'head', expectedSeq: 5, foundSeq: 3 });
  });
});
