import { afterEach, describe, expect, it } from 'vitest';
import { setUpDesk } from '../core/maintenance/test-helpers.js';
import { expectOk, SAMPLE_SETUP, type DeskFixture } from '../core/testing/desk-fixture.js';
import { jsonOf, runAdmin } from './test-support.js';

let fx: DeskFixture | undefined;
afterEach(() => fx?.cleanup());

describe('admin seed', () => {
  it('adds synthetic patients as a receptionist, audited and queued like desk registrations; admins may not', async () => {
    fx = await setUpDesk();
    const admin = fx.client();
    expectOk(await admin.call('auth.login', { login: 'admin', password: SAMPLE_SETUP.admin.password }));
    expectOk(await admin.call('staff.create', { login: 'rec', fullName: 'Рецепция', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
    const rec = fx.client();
    expectOk(await rec.call('auth.login', { login: 'rec', password: 'temporary-pass-1' }));
    expectOk(await rec.call('auth.changePassword', { current: 'temporary-pass-1', next: 'receptionist-pw-1' }));
    fx.desk.close();

    const refused = await runAdmin(['seed', '--data', fx.dir, '--patients', '10', '--json'], [SAMPLE_SETUP.admin.password]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('auth.forbidden');

    const run = await runAdmin(['seed', '--data', fx.dir, '--patients', '120', '--seed', '7', '--login', 'rec', '--json'], ['receptionist-pw-1']);
    expect(run.code).toBe(0);
    const out = jsonOf(run);
    expect(Number(out['created']) + Number(out['skipped'])).toBe(120);
    expect(out['created']).toBeGreaterThan(110);

    const again = await runAdmin(['seed', '--data', fx.dir, '--patients', '5', '--login', 'rec', '--json'], ['receptionist-pw-1']);
    expect(again.code).not.toBe(0);

    await fx.desk.signIn('rec', 'receptionist-pw-1');
    const db = fx.desk.store().db;
    expect(db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: out['created'] });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.created'").get()).toEqual({ n: out['created'] });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Patient'").get()).toEqual({ n: out['created'] });
    expect(fx.desk.store().audit.verify().valid).toBe(true);
  });
});
