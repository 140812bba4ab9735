import { z } from 'zod';
import { DRAFT_KINDS, DraftRepository } from '../../drafts/draft-repo.js';
import { AppError } from '../../errors.js';
import { defineHandler } from '../handler.js';

/**
 * Half-filled forms survive an idle lock, a crash or a power cut: the renderer saves them
 * here (inside the encrypted store) as the receptionist types, one per staff member and
 * form kind, and deletes them on save or cancel.
 */
const kind = z.enum(DRAFT_KINDS);
const MAX_DRAFT_BYTES = 64 * 1024;

export const draftHandlers = {
  'draft.save': defineHandler({
    input: z.object({ kind, key: z.string().max(60).default(''), payload: z.record(z.string(), z.unknown()) }),
    access: 'patient.write',
    passive: true,
    run: (ctx, { kind: k, key, payload }) => {
      const json = JSON.stringify(payload);
      if (Buffer.byteLength(json) > MAX_DRAFT_BYTES) throw new AppError('draft.tooLarge');
      new DraftRepository(ctx.desk.store().db).save(ctx.session.staff!.id, k, key, json, ctx.desk.nowIso());
      return { savedAt: ctx.desk.nowIso() };
    },
  }),

  'draft.get': defineHandler({
    input: z.object({ kind, key: z.string().max(60).default('') }),
    access: 'patient.write',
    passive: true,
    run: (ctx, { kind: k, key }) => new DraftRepository(ctx.desk.store().db).get(ctx.session.staff!.id, k, key),
  }),

  'draft.delete': defineHandler({
    input: z.object({ kind, key: z.string().max(60).default('') }),
    access: 'patient.write',
    run: (ctx, { kind: k, key }) => {
      new DraftRepository(ctx.desk.store().db).delete(ctx.session.staff!.id, k, key);
      return { ok: true };
    },
  }),
};
