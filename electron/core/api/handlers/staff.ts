import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { defineHandler } from '../handler.js';
import { empty, fullNameSchema, idSchema, loginSchema, passwordSchema, roleSchema } from '../schemas.js';

export const staffHandlers = {
  /** Names for the people in the audit log: managers read the log but do not manage accounts. */
  'staff.directory': defineHandler({
    input: empty,
    access: 'audit.read',
    run: ({ desk }) => desk.store().staff.list().map((s) => ({ id: s.id, fullName: s.fullName, role: s.role, active: s.active })),
  }),

  'staff.list': defineHandler({
    input: empty,
    access: 'staff.manage',
    run: ({ desk }) => desk.store().staff.list(),
  }),

  /**
   * Creates an account with a temporary password the admin hands over; the new staff member
   * must change it at first login.
   */
  'staff.create': defineHandler({
    input: z.object({ login: loginSchema, fullName: fullNameSchema, role: roleSchema, temporaryPassword: passwordSchema }),
    access: 'staff.manage',
    run: async (ctx, input) => {
      const store = ctx.desk.store();
      if (store.staff.byLogin(input.login)) throw new AppError('staff.loginTaken');
      const id = randomUUID();
      const at = ctx.desk.nowIso();
      // Keyring first: if it fails nothing is in the store; if the insert then fails we
      // remove the entry again, so the two never disagree for long.
      await ctx.desk.setStaffPassword(input.login, input.temporaryPassword);
      try {
        store.db.transaction(() => {
          store.staff.insert({ id, login: input.login, fullName: input.fullName, role: input.role, active: true, mustChangePassword: true, createdAt: at, updatedAt: at });
          store.audit.append({ action: 'staff.created', staffId: ctx.session.staff?.id ?? null, entityType: 'staff', entityId: id, details: { role: input.role } });
        })();
      } catch (e) {
        ctx.desk.removeStaffKey(input.login);
        throw e;
      }
      return store.staff.byId(id);
    },
  }),

  'staff.update': defineHandler({
    input: z.object({ id: idSchema, fullName: fullNameSchema.optional(), role: roleSchema.optional(), active: z.boolean().optional() }),
    access: 'staff.manage',
    run: (ctx, input) => {
      const store = ctx.desk.store();
      const cur = store.staff.byId(input.id);
      if (!cur) throw new AppError('staff.notFound');
      const losesAdmin = cur.role === 'admin' && cur.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
      if (losesAdmin && store.staff.activeAdmins() <= 1) throw new AppError('staff.lastAdmin');
      const patch: { fullName?: string; role?: 'receptionist' | 'manager' | 'admin'; active?: boolean } = {};
      if (input.fullName !== undefined) patch.fullName = input.fullName;
      if (input.role !== undefined) patch.role = input.role;
      if (input.active !== undefined) patch.active = input.active;
      store.db.transaction(() => {
        store.staff.update(input.id, patch, ctx.desk.nowIso());
        store.audit.append({
          action: 'staff.updated',
          staffId: ctx.session.staff?.id ?? null,
          entityType: 'staff',
          entityId: input.id,
          details: { fields: Object.keys(patch).join(',') },
        });
      })();
      return store.staff.byId(input.id);
    },
  }),

  /** An admin sets a new temporary password for someone who forgot theirs. */
  'staff.resetPassword': defineHandler({
    input: z.object({ id: idSchema, temporaryPassword: passwordSchema }),
    access: 'staff.manage',
    run: async (ctx, { id, temporaryPassword }) => {
      const store = ctx.desk.store();
      const target = store.staff.byId(id);
      if (!target) throw new AppError('staff.notFound');
      await ctx.desk.setStaffPassword(target.login, temporaryPassword);
      store.db.transaction(() => {
        store.staff.update(id, { mustChangePassword: true }, ctx.desk.nowIso());
        store.audit.append({ action: 'staff.passwordReset', staffId: ctx.session.staff?.id ?? null, entityType: 'staff', entityId: id });
      })();
      return { ok: true };
    },
  }),
};
