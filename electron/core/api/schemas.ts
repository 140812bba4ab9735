import { z } from 'zod';
import { checkBin } from '../identity/iin.js';
import { LANGUAGES } from '../languages.js';
import { ROLES } from '../staff/roles.js';

/**
 * Shared field schemas. Messages are translation keys (see api/validation.ts). Isomorphic
 * (no Node imports): the renderer's forms use the same rules for instant feedback.
 */
const required = { error: 'validation.required' } as const;
export const text = (max: number) => z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });

export const loginSchema = z
  .string()
  .trim()
  .min(1, required)
  .min(3, { error: 'validation.loginFormat' })
  .max(40, { error: 'validation.loginFormat' })
  .regex(/^[a-zA-Z0-9._-]+$/, { error: 'validation.loginFormat' });

/**
 * A password that unwraps the store key. Length matters most; we do not impose composition
 * rules that push people to write passwords on sticky notes at the desk.
 */
export const passwordSchema = z
  .string()
  .min(1, required)
  .min(10, { error: 'validation.passwordTooShort' })
  .max(200, { error: 'validation.tooLong' })
  .refine((p) => new Set(p).size >= 4, { error: 'validation.passwordTooSimple' });

export const languageSchema = z.enum(LANGUAGES);
export const roleSchema = z.enum(ROLES);

export const binSchema = z
  .string()
  .trim()
  .min(1, required)
  .superRefine((v, ctx) => {
    const r = checkBin(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.code });
  });

export const branchSchema = z.object({
  code: z.string().trim().toUpperCase().min(1, required).regex(/^[A-Z0-9-]{2,16}$/, { error: 'validation.branchCode' }),
  name: text(200),
  address: text(300),
});

export const operatorSchema = z.object({
  legalNameKk: text(200),
  legalNameRu: text(200),
  bin: binSchema,
  postalAddress: text(300),
  directorName: text(120),
  directorNameRuDative: text(120),
});

export const fullNameSchema = text(200);
export const idSchema = z.uuid({ error: 'validation.id' });
export const empty = z.object({}).strict();
