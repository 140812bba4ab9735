import { z } from 'zod';
import { AppError } from '../../errors.js';
import { lockIdleSession } from '../idle.js';
import { defineHandler } from '../handler.js';
import { empty, loginSchema, passwordSchema } from '../schemas.js';
import { sessionView } from './session-view.js';

export const authHandlers = {
  'auth.status': defineHandler({
    input: empty,
    access: 'public',
    passive: true,
    run: (ctx) => {
      if (ctx.session.staff && ctx.desk.isOpen()) lockIdleSession(ctx);
      return sessionView(ctx);
    },
  }),

  'auth.login': defineHandler({
    // No length rules on the password here: a login attempt is judged by the keyring only.
    input: z.object({ login: loginSchema, password: z.string().min(1, { error: 'validation.required' }).max(200) }),
    access: 'public',
    run: async (ctx, { login, password }) => {
      const staff = await ctx.desk.signIn(login, password);
      ctx.session.signIn(staff, ctx.desk.clock.now().getTime());
      return sessionView(ctx);
    },
  }),

  /** Marks the receptionist as active (keyboard or mouse), so the idle lock waits. */
  'auth.activity': defineHandler({
    input: empty,
    access: 'session.use',
    run: () => ({ ok: true }),
  }),

  'auth.lock': defineHandler({
    input: empty,
    access: 'signedIn',
    run: (ctx) => {
      if (ctx.session.staff && !ctx.session.locked) {
        ctx.session.locked = true;
        ctx.desk.store().audit.append({ action: 'auth.lock', staffId: ctx.session.staff.id });
      }
      return sessionView(ctx);
    },
  }),

  'auth.unlock': defineHandler({
    input: z.object({ password: z.string().min(1, { error: 'validation.required' }).max(200) }),
    access: 'signedIn',
    run: async (ctx, { password }) => {
      const staff = ctx.session.staff;
      if (!staff) throw new AppError('auth.required');
      // Only the person who locked the desk unlocks it; anyone else logs out and in.
      await ctx.desk.verifyPassword(staff.login, password);
      ctx.session.locked = false;
      ctx.session.touch(ctx.desk.clock.now().getTime());
      ctx.desk.store().audit.append({ action: 'auth.unlock', staffId: staff.id });
      return sessionView(ctx);
    },
  }),

  'auth.logout': defineHandler({
    input: empty,
    access: 'signedIn',
    run: (ctx) => {
      const staff = ctx.session.staff;
      if (staff) ctx.desk.store().audit.append({ action: 'auth.logout', staffId: staff.id });
      ctx.session.signOut();
      return sessionView(ctx);
    },
  }),

  'auth.changePassword': defineHandler({
    input: z.object({ current: z.string().min(1, { error: 'validation.required' }).max(200), next: passwordSchema }),
    // Allowed while a password change is forced: it is how the staff member gets out of it.
    access: 'signedIn',
    run: async (ctx, { current, next }) => {
      const staff = ctx.session.staff;
      if (!staff || ctx.session.locked) throw new AppError(staff ? 'auth.locked' : 'auth.required');
      if (current === next) throw new AppError('auth.passwordReuse');
      await ctx.desk.verifyPassword(staff.login, current);
      await ctx.desk.setStaffPassword(staff.login, next);
      const store = ctx.desk.store();
      store.db.transaction(() => {
        store.staff.update(staff.id, { mustChangePassword: false }, ctx.desk.nowIso());
        store.audit.append({ action: 'auth.passwordChanged', staffId: staff.id, entityType: 'staff', entityId: staff.id });
      })();
      ctx.session.staff = { ...staff, mustChangePassword: false };
      return sessionView(ctx);
    },
  }),
};
