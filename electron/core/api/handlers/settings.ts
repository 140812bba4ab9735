import { z } from 'zod';
import { readBranch, readOperator, readSettings, writeBranch, writeOperator, writeSettings } from '../../branch/branch-repo.js';
import { AppError } from '../../errors.js';
import { defineHandler } from '../handler.js';
import { branchSchema, empty, operatorSchema } from '../schemas.js';

export const settingsHandlers = {
  'settings.get': defineHandler({
    input: empty,
    access: 'settings.manage',
    run: ({ desk }) => {
      const db = desk.store().db;
      const branch = readBranch(db);
      const operator = readOperator(db);
      if (!branch || !operator) throw new AppError('setup.notDone');
      return { branch, operator, desk: readSettings(db) };
    },
  }),

  'settings.update': defineHandler({
    input: z.object({
      branch: branchSchema.optional(),
      operator: operatorSchema.optional(),
      desk: z.object({ idleLockMinutes: z.number().int().min(1, { error: 'validation.too_small' }).max(60, { error: 'validation.too_big' }) }).optional(),
    }),
    access: 'settings.manage',
    run: (ctx, input) => {
      const store = ctx.desk.store();
      const at = ctx.desk.nowIso();
      store.db.transaction(() => {
        if (input.branch) writeBranch(store.db, input.branch, at);
        if (input.operator) writeOperator(store.db, input.operator, at);
        if (input.desk) writeSettings(store.db, { ...readSettings(store.db), ...input.desk });
        store.audit.append({
          action: 'settings.updated',
          staffId: ctx.session.staff?.id ?? null,
          details: { parts: Object.keys(input).join(',') },
        });
      })();
      return { ok: true };
    },
  }),
};
