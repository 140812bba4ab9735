import { z } from 'zod';
import { readPrefs, writePrefs } from '../../prefs.js';
import { defineHandler } from '../handler.js';
import { branchSchema, empty, fullNameSchema, languageSchema, loginSchema, operatorSchema, passwordSchema } from '../schemas.js';
import { sessionView } from './session-view.js';

export const setupHandlers = {
  /** What the first screen needs: setup or login, and in which language. */
  'app.info': defineHandler({
    input: empty,
    access: 'public',
    passive: true,
    run: ({ desk }) => ({
      setupDone: desk.isSetUp(),
      language: readPrefs(desk.dataDir).language,
      version: '0.1.0',
    }),
  }),

  'app.setLanguage': defineHandler({
    input: z.object({ language: languageSchema }),
    access: 'public',
    passive: true,
    run: ({ desk }, { language }) => {
      writePrefs(desk.dataDir, { language });
      return { language };
    },
  }),

  'setup.run': defineHandler({
    input: z.object({
      branch: branchSchema,
      operator: operatorSchema,
      admin: z.object({ login: loginSchema, fullName: fullNameSchema, password: passwordSchema }),
      language: languageSchema,
    }),
    access: 'public',
    run: async (ctx, input) => {
      const staff = await ctx.desk.setup(input);
      ctx.session.signIn(staff, ctx.desk.clock.now().getTime());
      return sessionView(ctx);
    },
  }),
};
