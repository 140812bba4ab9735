import { z } from 'zod';
import { parseDate } from '../format';
import { LANGUAGES } from '../i18n/languages';
import { binProblem } from './bin';

/**
 * Client-side schemas: the same rules and the same message keys as the core's
 * (electron/core/api/schemas.ts), so the receptionist sees a problem when she leaves the
 * field instead of after saving. The core still validates every payload.
 */
const required = { error: 'validation.required' } as const;

export const text = (max: number) => z.string().trim().min(1, required).max(max, { error: 'validation.tooLong' });

export const loginField = z
  .string()
  .trim()
  .min(1, required)
  .min(3, { error: 'validation.loginFormat' })
  .max(40, { error: 'validation.loginFormat' })
  .regex(/^[a-zA-Z0-9._-]+$/, { error: 'validation.loginFormat' });

export const newPasswordField = z
  .string()
  .min(1, required)
  .min(10, { error: 'validation.passwordTooShort' })
  .max(200, { error: 'validation.tooLong' })
  .refine((p) => new Set(p).size >= 4, { error: 'validation.passwordTooSimple' });

export const anyPasswordField = z.string().min(1, required).max(200, { error: 'validation.tooLong' });

export const roleField = z.enum(['receptionist', 'manager', 'admin']);

export const branchFields = z.object({
  code: z.string().trim().toUpperCase().min(1, required).regex(/^[A-Z0-9-]{2,16}$/, { error: 'validation.branchCode' }),
  name: text(200),
  address: text(300),
});

export const operatorFields = z.object({
  legalNameKk: text(200),
  legalNameRu: text(200),
  bin: z
    .string()
    .trim()
    .min(1, required)
    .superRefine((v, ctx) => {
      const problem = binProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  postalAddress: text(300),
  directorName: text(120),
  directorNameRuDative: text(120),
});

const mismatch = { error: 'validation.passwordMismatch', path: ['confirm'] };

export const setupSchema = z.object({
  language: z.enum(LANGUAGES),
  branch: branchFields,
  operator: operatorFields,
  admin: z
    .object({ login: loginField, fullName: text(200), password: newPasswordField, confirm: z.string() })
    .refine((a) => a.password === a.confirm, mismatch),
});

export const loginSchema = z.object({ login: z.string().trim().min(1, required), password: anyPasswordField });

export const unlockSchema = z.object({ password: anyPasswordField });

export const changePasswordSchema = z
  .object({ current: anyPasswordField, next: newPasswordField, confirm: z.string() })
  .refine((p) => p.next === p.confirm, mismatch)
  .refine((p) => p.next !== p.current, { error: 'validation.passwordSame', path: ['next'] });

export const staffCreateSchema = z.object({ login: loginField, fullName: text(200), role: roleField, temporaryPassword: newPasswordField });

export const staffEditSchema = z.object({ fullName: text(200), role: roleField, active: z.boolean() });

export const resetPasswordSchema = z.object({ temporaryPassword: newPasswordField });

export const settingsSchema = z.object({
  branch: branchFields,
  operator: operatorFields,
  desk: z.object({ idleLockMinutes: z.number({ error: 'validation.number' }).int({ error: 'validation.number' }).min(1).max(60) }),
});

const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === '' || parseDate(v) !== null, { error: 'validation.date' });

export const auditFilterSchema = z.object({
  action: z.string(),
  staffId: z.string(),
  entityId: z.string().trim().max(80, { error: 'validation.tooLong' }),
  from: optionalDate,
  to: optionalDate,
});
