import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, type DeskFixture } from '../testing/desk-fixture.js';
import { storeStats } from './stats.js';
import { SECRET_NAME, setUpDesk } from './test-helpers.js';

let fx: DeskFixture | undefined;
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
});

describe('storeStats and the maintenance handlers', () => {
  it('counts tables, reports cipher, schema and the audit head, without personal data', async () => {
    fx = await setUpDesk();
    const s = storeStats(fx.desk);
    expect(s.tables.staff).toBe(2);
    expect(s.audit.entries).toBe(s.tables.audit_log);
    expect(s.audit.headSeq).toBe(s.audit.entries);
    expect(s.audit.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.cipher).toEqual({ active: 'aegis', recorded: 'aegis', keyring: 'aegis' });
    expect(s.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(s.files.storeBytes).toBeGreaterThan(0);
    expect(JSON.stringify(s)).not.toContain(SECRET_NAME);
  });
});
