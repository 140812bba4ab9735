import { z } from 'zod';
import { AppError, type ErrorCode } from '../../errors.js';
import { FORM_TYPES } from '../../print/preferences.js';
import type { Printer } from '../../print/service.js';
import { defineHandler } from '../handler.js';
import { empty } from '../schemas.js';

/**
 * Printing at this workstation, for every kind of form: which printers there are and which
 * one each form type goes to. The forms themselves are printed by their own handlers
 * (`consent.printPaper`, …), which take the remembered job from `store.printPrefs`.
 */
export const printingHandlers = {
  'print.setup': defineHandler({
    input: empty,
    access: 'session.use',
    passive: true,
    run: async ({ desk }) => {
      const service = desk.print;
      let printers: Printer[] = [];
      let printersError: ErrorCode | null = null;
      if (service?.printers) {
        try {
          printers = await service.printers();
        } catch (e) {
          printersError = e instanceof AppError ? e.code : 'print.failed';
        }
      }
      return { paper: Boolean(service?.print), printers, printersError, preferences: desk.store().printPrefs.all() };
    },
  }),

  /** Remembers the printer (null: the OS default) and the silent-printing opt-in for one form type. */
  'print.setPreference': defineHandler({
    input: z.object({ formType: z.enum(FORM_TYPES), printer: z.string().trim().min(1).max(300).nullable(), silent: z.boolean() }),
    access: 'session.use',
    run: (ctx, pref) => {
      if (pref.silent && pref.printer === null) throw new AppError('validation', { issues: [{ path: 'printer', code: 'validation.required' }] });
      return ctx.desk.store().printPrefs.set(pref, ctx.session.staff?.id ?? null, ctx.desk.nowIso());
    },
  }),
};
