import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, makeDesk, SAMPLE_SETUP, type DeskFixture } from '../testing/desk-fixture.js';

let fx: DeskFixture;
afterEach(() => fx?.cleanup());

describe('first-run setup and sign-in', () => {
  it('reports setup needed, runs setup, and signs the admin in', async () => {
    fx = makeDesk();
    const c = fx.client();
    expect(expectOk(await c.call('app.info', {})).setupDone).toBe(false);
    const view = expectOk(await c.call('setup.run', SAMPLE_SETUP));
    expect(view.signedIn && view.staff.role).toBe('admin');
    expect(view.signedIn && view.branch.code).toBe('ALA-01');
    expect(expectOk(await c.call('app.info', {})).setupDone).toBe(true);
    const again = await c.call('setup.run', SAMPLE_SETUP);
    expect(again.ok || again.error.code).toBe('setup.alreadyDone');
  });

  it('rejects an invalid BIN with a translatable code', async () => {
    fx = makeDesk();
    const r = await fx.client().call('setup.run', { ...SAMPLE_SETUP, operator: { ...SAMPLE_SETUP.operator, bin: '160440012347' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('validation');
      expect(r.error.issues).toContainEqual({ path: 'operator.bin', code: 'bin.checksum' });
    }
  });

  it('signs in from a fresh process with the right password and refuses a wrong one', async () => {
    fx = makeDesk();
    expectOk(await fx.client().call('setup.run', SAMPLE_SETUP));
    fx.desk.close();
    const c = fx.client();
    const bad = await c.call('auth.login', { login: 'admin', password: 'wrong password!!' });
    expect(!bad.ok && bad.error.code).toBe('auth.wrongCredentials');
    const unknown = await c.call('auth.login', { login: 'nobody', password: 'correct horse battery' });
    expect(!unknown.ok && unknown.error.code).toBe('auth.wrongCredentials');
    const ok = expectOk(await c.call('auth.login', { login: 'ADMIN', password: 'correct horse battery' }));
    expect(ok.signedIn).toBe(true);
  });

  it('slows down repeated wrong passwords', async () => {
    fx = makeDesk();
    expectOk(await fx.client().call('setup.run', SAMPLE_SETUP));
    const c = fx.client();
    for (let i = 0; i < 5; i++) await c.call('auth.login', { login: 'admin', password: `wrong-${i}-xxxxx` });
    const r = await c.call('auth.login', { login: 'admin', password: 'correct horse battery' });
    expect(!r.ok && r.error.code).toBe('auth.tooManyAttempts');
    fx.clock.advance(3000);
    expect(expectOk(await c.call('auth.login', { login: 'admin', password: 'correct horse battery' })).signedIn).toBe(true);
  });
});

describe('idle lock, unlock and logout', () => {
  it('locks after the configured idle time, refuses work while locked, unlocks with the password', async () => {
    fx = makeDesk();
    const c = fx.client();
    expectOk(await c.call('setup.run', SAMPLE_SETUP));
    expectOk(await c.call('staff.list', {}));
    fx.clock.advance(4 * 60_000);
    expectOk(await c.call('staff.list', {})); // activity resets the timer
    fx.clock.advance(5 * 60_000 - 1);
    expectOk(await c.call('auth.status', {})); // polling is not activity
    fx.clock.advance(1);
    const locked = await c.call('staff.list', {});
    expect(!locked.ok && locked.error.code).toBe('auth.locked');
    const status = expectOk(await c.call('auth.status', {}));
    expect(status.signedIn && status.locked).toBe(true);
    expect(fx.desk.store().db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.idleLocked'").get()).toEqual({ n: 1 });
    const wrong = await c.call('auth.unlock', { password: 'nope nope nope' });
    expect(!wrong.ok && wrong.error.code).toBe('auth.wrongCredentials');
    const unlocked = expectOk(await c.call('auth.unlock', { password: 'correct horse battery' }));
    expect(unlocked.signedIn && unlocked.locked).toBe(false);
    expectOk(await c.call('staff.list', {}));
    expectOk(await c.call('auth.logout', {}));
    const after = await c.call('staff.list', {});
    expect(!after.ok && after.error.code).toBe('auth.required');
  });

  it('honours a changed idle time', async () => {
    fx = makeDesk();
    const c = fx.client();
    expectOk(await c.call('setup.run', SAMPLE_SETUP));
    expectOk(await c.call('settings.update', { desk: { idleLockMinutes: 1 } }));
    fx.clock.advance(60_000);
    const r = await c.call('staff.list', {});
    expect(!r.ok && r.error.code).toBe('auth.locked');
  });
});

describe('staff accounts and passwords', () => {
  it('creates staff with a temporary password that must be changed, and lets an admin reset it', async () => {
    fx = makeDesk();
    const admin = fx.client();
    expectOk(await admin.call('setup.run', SAMPLE_SETUP));
    const created = expectOk(await admin.call('staff.create', { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', role: 'receptionist', temporaryPassword: 'temporary-pass-1' }));
    expect(created?.mustChangePassword).toBe(true);
    const taken = await admin.call('staff.create', { login: 'AIGERIM', fullName: 'X', role: 'receptionist', temporaryPassword: 'temporary-pass-1' });
    expect(!taken.ok && taken.error.code).toBe('staff.loginTaken');

    const rec = fx.client();
    expectOk(await rec.call('auth.login', { login: 'aigerim', password: 'temporary-pass-1' }));
    const forced = await rec.call('auth.activity', {});
    expect(!forced.ok && forced.error.code).toBe('auth.mustChangePassword');
    const reuse = await rec.call('auth.changePassword', { current: 'temporary-pass-1', next: 'temporary-pass-1' });
    expect(!reuse.ok && reuse.error.code).toBe('auth.passwordReuse');
    expectOk(await rec.call('auth.changePassword', { current: 'temporary-pass-1', next: 'my own secret 42' }));
    expectOk(await rec.call('auth.activity', {}));

    const old = await fx.client().call('auth.login', { login: 'aigerim', password: 'temporary-pass-1' });
    expect(!old.ok && old.error.code).toBe('auth.wrongCredentials');
    expectOk(await fx.client().call('auth.login', { login: 'aigerim', password: 'my own secret 42' }));

    expectOk(await admin.call('staff.resetPassword', { id: created!.id, temporaryPassword: 'reset-by-admin-7' }));
    const afterReset = expectOk(await fx.client().call('auth.login', { login: 'aigerim', password: 'reset-by-admin-7' }));
    expect(afterReset.signedIn && afterReset.staff.mustChangePassword).toBe(true);
  });

  it('refuses inactive staff and never leaves the branch without an admin', async () => {
    fx = makeDesk();
    const admin = fx.client();
    const view = expectOk(await admin.call('setup.run', SAMPLE_SETUP));
    const adminId = view.signedIn ? view.staff.id : '';
    const last = await admin.call('staff.update', { id: adminId, role: 'manager' });
    expect(!last.ok && last.error.code).toBe('staff.lastAdmin');
    const s = expectOk(await admin.call('staff.create', { login: 'dana', fullName: 'Дана', role: 'manager', temporaryPassword: 'temporary-pass-2' }));
    expectOk(await admin.call('staff.update', { id: s!.id, active: false }));
    const r = await fx.client().call('auth.login', { login: 'dana', password: 'temporary-pass-2' });
    expect(!r.ok && r.error.code).toBe('auth.staffInactive');
  });
});
