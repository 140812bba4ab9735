import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { empty } from '../schemas.js';

export const auditHandlers = {
  /** Managers browse the log; looking at it is itself an operation worth recording. */
  'audit.list': defineHandler({
    input: z.object({
      action: z.string().max(60).optional(),
      staffId: z.string().max(60).optional(),
      entityType: z.string().max(40).optional(),
      entityId: z.string().max(80).optional(),
      from: z.iso.datetime({ error: 'validation.date' }).optional(),
      to: z.iso.datetime({ error: 'validation.date' }).optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    access: 'audit.read',
    run: (ctx, filter) => {
      const store = ctx.desk.store();
      const rows = store.audit.list(filter);
      const names = new Map(store.staff.list().map((s) => [s.id, s.fullName]));
      store.audit.append({ action: 'audit.viewed', staffId: ctx.session.staff?.id ?? null, details: { rows: rows.length } });
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        staffId: r.staff_id,
        staffName: r.staff_id ? (names.get(r.staff_id) ?? null) : null,
        branchCode: r.branch_code,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        details: JSON.parse(r.details) as Record<string, string | number | boolean | null>,
      }));
    },
  }),

  'audit.verify': defineHandler({
    input: empty,
    access: 'audit.verify',
    run: (ctx) => {
      const store = ctx.desk.store();
      const verdict = store.audit.verify();
      store.audit.append({ action: 'audit.verified', staffId: ctx.session.staff?.id ?? null, details: { valid: verdict.valid, entries: verdict.entries } });
      return verdict;
    },
  }),
};
