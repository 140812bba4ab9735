import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../core/audit/chain.js';
import { setUpDesk } from '../core/maintenance/test-helpers.js';
import type { Db } from '../core/store/database.js';
import { SAMPLE_SETUP, type DeskFixture } from '../core/testing/desk-fixture.js';
import { jsonOf, runAdmin } from './test-support.js';

const PW = SAMPLE_SETUP.admin.password;
let fx: DeskFixture | undefined;
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
});

/** What an attacker who holds the data key can do: the triggers only stop honest mistakes. */
function dropTriggers(db: Db): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

function row(db: Db, seq: number): AuditRow {
  return db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as AuditRow;
}

/** Gives row `seq` every field of `from` except its position. */
function overwrite(db: Db, seq: number, from: AuditRow, id = from.id): void {
  db.prepare(
    `UPDATE audit_log SET id = @id, at = @at, staff_id = @staff_id, branch_code = @branch_code, action = @action,
       entity_type = @entity_type, entity_id = @entity_id, details = @details, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq`,
  ).run({ ...from, id, seq });
}

async function verifyAfter(tamper: (db: Db) => void): Promise<{ code: number | null; verdict: Record<string, unknown> }> {
  fx = await setUpDesk();
  const db = fx.desk.store().db;
  for (let i = 0; i < 3; i++) fx.desk.store().audit.append({ action: 'test.filler', staffId: null, details: { i } });
  dropTriggers(db);
  tamper(db);
  fx.desk.close();
  const r = await runAdmin(['verify-audit', '--data', fx.dir, '--json'], [PW]);
  return { code: r.code, verdict: jsonOf(r) };
}

describe('verify-audit detects tampering by someone holding the key', () => {
  it('an edited entry', async () => {
    const { code, verdict } = await verifyAfter((db) => db.prepare('UPDATE audit_log SET details = ? WHERE seq = 3').run('{"role":"receptionist"}'));
    expect(code).toBe(3);
    expect(verdict).toMatchObject({ valid: false, problems: [{ kind: 'hash', seq: 3 }] });
  });

  it('a deleted entry in the middle', async () => {
    const { code, verdict } = await verifyAfter((db) => db.prepare('DELETE FROM audit_log WHERE seq = 3').run());
    expect(code).toBe(3);
    expect(verdict).toMatchObject({ valid: false, problems: expect.arrayContaining([{ kind: 'gap', expectedSeq: 3, foundSeq: 4 }]) });
  });

  it('two entries whose contents were swapped', async () => {
    const { code, verdict } = await verifyAfter((db) => {
      const a = row(db, 3);
      const b = row(db, 4);
      overwrite(db, 3, b, 'swap-in-progress');
      overwrite(db, 4, a);
      overwrite(db, 3, b);
    });
    expect(code).toBe(3);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([expect.objectContaining({ seq: 3 }), expect.objectContaining({ seq: 4 })]));
  });

  it('and a human-readable report names the problem', async () => {
    fx = await setUpDesk();
    dropTriggers(fx.desk.store().db);
    fx.desk.store().db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run();
    fx.desk.close();
    const r = await runAdmin(['verify-audit', '--data', fx.dir, '--login', 'admin'], [PW]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('audit chain BROKEN');
    expect(r.stdout).toContain('entry #2 was changed');
  });
});
