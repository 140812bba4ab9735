import { z } from 'zod';
import { DpoTaskRepository } from '../../consent/dpo-tasks.js';
import { AppError } from '../../errors.js';
import { REPRESENTATIVE_BASES } from '../../patients/schema.js';
import type { HandlerContext } from '../handler.js';
import { defineHandler } from '../handler.js';
import { idSchema, text } from '../schemas.js';

const staffId = (ctx: HandlerContext) => ctx.session.staff?.id ?? null;

const signerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('subject') }),
  z.object({
    kind: z.literal('representative'),
    fullName: text(200),
    iin: z.string().regex(/^\d{12}$/, { error: 'iin.format' }),
    basis: z.enum(REPRESENTATIVE_BASES, { error: 'validation.required' }),
  }),
]);

export const consentHandlers = {
  /** What the consent dialog shows: the current text version's purposes in every UI language. */
  'consent.purposes': defineHandler({
    input: z.object({}).strict(),
    access: 'consent.capture',
    passive: true,
    run: ({ desk }) => {
      const versions = desk.store().consents.versions;
      const version = versions.current();
      const m = versions.load(version).manifest;
      return { version, purposes: m.purposes.map((p) => ({ id: p.id, required: p.required, label: p.label })) };
    },
  }),

  'consent.status': defineHandler({
    input: z.object({ patientId: idSchema }),
    access: 'patient.read',
    passive: true,
    run: ({ desk }, { patientId }) => {
      const consents = desk.store().consents;
      return { ...consents.status(patientId), consents: consents.forPatient(patientId) };
    },
  }),

  /** Step 3 of the consent flow: print the prefilled form (the PDF comes back to show and print). */
  'consent.prepare': defineHandler({
    input: z.object({
      patientId: idSchema,
      language: z.enum(['kk', 'ru', 'kk+ru']),
      purposes: z.array(z.object({ id: z.string().max(60), chosen: z.boolean() })).min(1).max(30),
      signer: signerSchema,
    }),
    access: 'consent.capture',
    run: (ctx, input) => ctx.desk.store().consents.prepare(input, staffId(ctx)),
  }),

  /** The receptionist confirms the patient signed the paper, or the patient signed on screen. */
  'consent.sign': defineHandler({
    input: z.object({
      consentId: idSchema,
      signature: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('paper') }),
        // A PNG of the drawn signature, kept only inside the encrypted store.
        z.object({ kind: z.literal('drawn'), pngBase64: z.string().min(100).max(2_000_000).regex(/^[A-Za-z0-9+/=]+$/) }),
      ]),
    }),
    access: 'consent.capture',
    run: (ctx, { consentId, signature }) => {
      const sig = signature.kind === 'paper' ? { kind: 'paper' as const } : { kind: 'drawn' as const, png: Buffer.from(signature.pngBase64, 'base64') };
      if (sig.kind === 'drawn' && !sig.png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
        throw new AppError('validation', { issues: [{ path: 'signature.pngBase64', code: 'signature.notPng' }] });
      }
      return ctx.desk.store().consents.sign(consentId, sig, staffId(ctx));
    },
  }),

  'consent.refuse': defineHandler({
    input: z.object({ consentId: idSchema }),
    access: 'consent.capture',
    run: (ctx, { consentId }) => ctx.desk.store().consents.refuse(consentId, staffId(ctx)),
  }),

  'consent.withdraw': defineHandler({
    input: z.object({ consentId: idSchema, reason: text(500) }),
    access: 'consent.capture',
    run: async (ctx, { consentId, reason }) => {
      const consents = ctx.desk.store().consents;
      const consent = consents.withdraw(consentId, reason, 'desk', staffId(ctx));
      // The withdrawal stands even if printing fails; the confirmation can be printed again.
      const confirmation = ctx.desk.print ? await consents.withdrawalConfirmation(consentId, staffId(ctx)) : null;
      return { consent, confirmation };
    },
  }),

  'consent.reprint': defineHandler({
    input: z.object({ consentId: idSchema }),
    access: 'consent.capture',
    run: (ctx, { consentId }) => ctx.desk.store().consents.reprint(consentId, staffId(ctx)),
  }),

  /** Paper copy through the OS print dialog (Electron); the harness prints from the PDF viewer instead. */
  'consent.printPaper': defineHandler({
    input: z.object({ consentId: idSchema }),
    access: 'consent.capture',
    run: async (ctx, { consentId }) => {
      await ctx.desk.store().consents.printPaper(consentId, staffId(ctx));
      return { ok: true };
    },
  }),

  'consent.withdrawalConfirmation': defineHandler({
    input: z.object({ consentId: idSchema }),
    access: 'consent.capture',
    run: (ctx, { consentId }) => ctx.desk.store().consents.withdrawalConfirmation(consentId, staffId(ctx)),
  }),

  /** A manager publishes a new consent text; patients on older texts are flagged for re-consent. */
  'consent.publishVersion': defineHandler({
    input: z.object({ manifest: z.record(z.string(), z.unknown()), kk: z.string().min(100).max(200_000), ru: z.string().min(100).max(200_000) }),
    access: 'consent.publish',
    run: (ctx, { manifest, kk, ru }) => {
      const store = ctx.desk.store();
      const at = ctx.desk.nowIso();
      const loaded = store.db.transaction(() => {
        const v = store.consents.versions.publish(manifest, { kk, ru }, staffId(ctx), at);
        store.audit.append({ action: 'consent.versionPublished', staffId: staffId(ctx), entityType: 'consentVersion', entityId: v.manifest.version });
        return v;
      })();
      return { version: loaded.manifest.version };
    },
  }),

  /**
   * The gate before a visit: without an active consent for the required purposes, the visit
   * does not proceed, and the answer says why.
   */
  'visit.check': defineHandler({
    input: z.object({ patientId: idSchema }),
    access: 'patient.read',
    passive: true,
    run: ({ desk }, { patientId }) => {
      const s = desk.store().consents.status(patientId);
      const reason = s.badge === 'blocked' ? 'visit.blocked' : s.badge === 'pending' ? 'visit.pendingSignature' : s.badge === 'active' ? null : 'visit.noConsent';
      return { allowed: reason === null, reason, needsReconsent: s.needsReconsent };
    },
  }),

  'dpo.tasks.list': defineHandler({
    input: z.object({ status: z.enum(['open', 'done']).default('open') }),
    access: 'dpo.tasks',
    run: ({ desk }, { status }) => new DpoTaskRepository(desk.store().db).list(status),
  }),

  'dpo.tasks.close': defineHandler({
    input: z.object({ id: idSchema, note: text(1000) }),
    access: 'dpo.tasks',
    run: (ctx, { id, note }) => {
      const store = ctx.desk.store();
      store.db.transaction(() => {
        if (!new DpoTaskRepository(store.db).close(id, note, ctx.desk.nowIso(), staffId(ctx))) throw new AppError('task.notFound');
        store.audit.append({ action: 'dpo.taskClosed', staffId: staffId(ctx), entityType: 'dpoTask', entityId: id });
      })();
      return { ok: true };
    },
  }),
};
