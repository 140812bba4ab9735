import { z } from 'zod';
import {
  branchSchema as branchFields,
  loginSchema as loginField,
  operatorSchema as operatorFields,
  passwordSchema as newPasswordField,
  roleSchema as roleField,
  text,
} from '../../../electron/core/api/schemas';
import { LANGUAGES } from '../../../electron/core/languages';
import { parseDate } from '../format';

/**
 * Client-side schemas: the core's own field rules (electron/core/api/schemas.ts, an
 * isomorphic module), so the receptionist sees a problem when she leaves the field instead
 * of after saving, with the same message keys. The core still validates every payload.
 */
const required = { error: 'validation.required' } as const;

export { branchFields, loginField, newPasswordField, operatorFields, roleField, text };

export const anyPasswordField = z.string().min(1, required).max(200, { error: 'validation.tooLong' });

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
