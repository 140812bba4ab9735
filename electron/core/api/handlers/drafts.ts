import { z } from 'zod';
import { AppError } from '../../errors.js';
import { defineHandler } from '../handler.js';

/**
 * Half-filled forms survive an idle lock, a crash or a power cut: the renderer saves them
 * here (inside the encrypted store) as the receptionist types, one per staff member and
 * form kind, and deletes them on save or cancel.
 */
const kind = z.enum(['patient.new', 'patient.edit', 'consent', 'request']);
const MAX_DRAFT_BYTES = 64 * 1024;

export const draftHandlers = {
  'draft.save': defineHandler({
    input: z.object({ kind, key: z.string().max(60).default(''), payload: z.record(z.string(), z.unknown()) }),
    access: 'patient.write',
    passive: true,
    run: (ctx, { kind: k, key, payload }) => {
      const json = JSON.stringify(payload);
      if (Buffer.byteLength(json) > MAX_DRAFT_BYTES) throw new AppError('draft.tooLarge');
      const staffId = ctx.session.staff!.id;
      ctx.desk
        .store()
        .db.prepare(
          `INSERT INTO draft (id, staff_id, kind, payload, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
        )
        .run(`${staffId}:${k}:${key}`, staffId, k, json, ctx.desk.nowIso());
      return { savedAt: ctx.desk.nowIso() };
    },
  }),

  'draft.get': defineHandler({
    input: z.object({ kind, key: z.string().max(60).default('') }),
    access: 'patient.write',
    passive: true,
    run: (ctx, { kind: k, key }) => {
      const staffId = ctx.session.staff!.id;
      const row = ctx.desk.store().db.prepare('SELECT payload, updated_at FROM draft WHERE id = ?').get(`${staffId}:${k}:${key}`) as
        | { payload: string; updated_at: string }
        | undefined;
      return row ? { payload: JSON.parse(row.payload) as Record<string, unknown>, updatedAt: row.updated_at } : null;
    },
  }),

  'draft.delete': defineHandler({
    input: z.object({ kind, key: z.string().max(60).default('') }),
    access: 'patient.write',
    run: (ctx, { kind: k, key }) => {
      ctx.desk.store().db.prepare('DELETE FROM draft WHERE id = ?').run(`${ctx.session.staff!.id}:${k}:${key}`);
      return { ok: true };
    },
  }),
};
