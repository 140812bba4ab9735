import { z } from 'zod';
import { AppError } from '../../errors.js';
import { mergePatients } from '../../patients/merge.js';
import { patientInputSchema, type PatientFormValues } from '../../patients/schema.js';
import type { HandlerContext } from '../handler.js';
import { defineHandler } from '../handler.js';
import { idSchema, text } from '../schemas.js';
import { parseInput } from '../validation.js';

function actor(ctx: HandlerContext) {
  return { staffId: ctx.session.staff?.id ?? null, at: ctx.desk.nowIso() };
}

/**
 * The patient payload is typed here for the client, and validated in full inside the
 * handler, where the schema can use the core's clock for "today" (future dates, minors).
 */
const patientPayload = z.custom<PatientFormValues>((v) => typeof v === 'object' && v !== null, { error: 'validation.invalid_type' });

function parsePatient(ctx: HandlerContext, raw: PatientFormValues) {
  return parseInput(patientInputSchema(() => ctx.desk.clock.now()), raw, ['patient']);
}

export const patientHandlers = {
  'patient.search': defineHandler({
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(20) }),
    access: 'patient.read',
    run: ({ desk }, { query, limit }) => desk.store().patients.search(query, limit),
  }),

  /** Opening a patient's card: every view is recorded (who looked at whom, when). */
  'patient.get': defineHandler({
    input: z.object({ id: idSchema }),
    access: 'patient.read',
    run: (ctx, { id }) => {
      const store = ctx.desk.store();
      const patient = store.patients.get(id);
      if (!patient) throw new AppError('patient.notFound');
      store.audit.append({ action: 'patient.viewed', staffId: ctx.session.staff?.id ?? null, entityType: 'patient', entityId: id });
      return { patient, history: store.patients.history(id) };
    },
  }),

  'patient.checkDuplicates': defineHandler({
    input: z.object({
      iin: z.string().max(12).nullable(),
      surname: z.string().max(60),
      givenName: z.string().max(60),
      // Optional: a phone-only check is useful before the birth date is typed.
      birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      phone: z.string().max(20).nullable(),
      exceptId: idSchema.optional(),
    }),
    access: 'patient.write',
    run: ({ desk }, { exceptId, ...p }) => desk.store().patients.checkDuplicates(p, exceptId),
  }),

  /**
   * Registers a patient. The same IIN twice is refused outright; a similar patient (same
   * birth date and a close name, or the same phone) is refused until the receptionist says
   * why this is a different person, and that reason is kept.
   */
  'patient.create': defineHandler({
    input: z.object({
      patient: patientPayload,
      override: z.object({ reason: text(500), candidateIds: z.array(idSchema).min(1).max(50) }).optional(),
    }),
    access: 'patient.write',
    run: (ctx, input) => {
      const p = parsePatient(ctx, input.patient);
      const store = ctx.desk.store();
      const dup = store.patients.checkDuplicates(p);
      if (dup.exact) throw new AppError('patient.duplicateIin', { details: { existingId: dup.exact.id } });
      const unexplained = dup.similar.filter((c) => !input.override?.candidateIds.includes(c.id));
      if (unexplained.length > 0) throw new AppError('patient.possibleDuplicates', { details: { candidates: unexplained.length } });
      return store.patients.create(p, actor(ctx), input.override && dup.similar.length > 0 ? { override: input.override } : {});
    },
  }),

  /** A correction (policy 2.10: the subject may demand changes). The reason is optional but kept. */
  'patient.update': defineHandler({
    input: z.object({ id: idSchema, expectedVersion: z.number().int().positive(), patient: patientPayload, reason: z.string().trim().max(500).optional() }),
    access: 'patient.write',
    run: (ctx, input) => {
      const p = parsePatient(ctx, input.patient);
      return ctx.desk.store().patients.update(input.id, input.expectedVersion, p, actor(ctx), input.reason || null);
    },
  }),

  'patient.merge': defineHandler({
    input: z.object({ keepId: idSchema, mergeId: idSchema, reason: text(500) }),
    access: 'patient.merge',
    run: (ctx, { keepId, mergeId, reason }) => {
      const store = ctx.desk.store();
      return mergePatients(store.db, store.patients, store.audit, keepId, mergeId, reason, actor(ctx));
    },
  }),
};
