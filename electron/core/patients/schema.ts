import { z } from 'zod';
import { isoDateIfExists } from '../identity/dates.js';
import { checkIin } from '../identity/iin.js';
import { normalizeKzPhone } from '../identity/phone.js';

/**
 * The patient as the registration form and the core both validate it. This module is
 * isomorphic (no Node imports): the renderer runs the same schema in react-hook-form for
 * instant feedback, and the core runs it again on what arrives, because only the core's
 * check counts. Every message is a translation key.
 */
export const ID_DOCUMENT_TYPES = ['id-card', 'passport', 'birth-certificate', 'residence-permit'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

/** On what grounds someone acts for the patient (Appendix 1 of the policy names these). */
export const REPRESENTATIVE_BASES = ['power-of-attorney', 'birth-certificate', 'court-decision', 'guardianship'] as const;
export type RepresentativeBasis = (typeof REPRESENTATIVE_BASES)[number];

export const SEXES = ['male', 'female'] as const;
export const ADULT_AGE = 18;

const CYRILLIC = /^[А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+$/u;
const LATIN = /^[A-Za-z]+$/;

/**
 * A name as printed on the ID: Cyrillic (with every Kazakh letter) or, for foreign
 * passports, Latin; parts joined by spaces, hyphens or apostrophes. A word that mixes
 * scripts ("Aйгерим" with a Latin A) is refused: it looks right on screen but breaks search
 * and the match with the central register.
 */
export function nameProblem(value: string): string | null {
  const words = value.split(/[\s'’-]+/u).filter(Boolean);
  if (words.length === 0) return 'validation.required';
  for (const w of words) {
    if (CYRILLIC.test(w) || LATIN.test(w)) continue;
    const hasCyr = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/u.test(w);
    const hasLat = /[A-Za-z]/.test(w);
    return hasCyr && hasLat ? 'name.mixedScript' : 'name.characters';
  }
  return null;
}

const nameField = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(60, { error: 'validation.tooLong' })
  .superRefine((v, ctx) => {
    const p = nameProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((v) => isoDateIfExists(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))) !== null, { error: 'validation.date' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function localToday(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function patientInputSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      surname: nameField,
      givenName: nameField,
      patronymic: z
        .string()
        .trim()
        .max(60, { error: 'validation.tooLong' })
        .superRefine((v, ctx) => {
          const p = v === '' ? null : nameProblem(v);
          if (p) ctx.addIssue({ code: 'custom', message: p });
        })
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .optional()
        .transform((v) => v ?? null),
      /** Empty for a patient without an IIN (a foreigner with a passport). */
      iin: z
        .string()
        .trim()
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .optional()
        .transform((v) => v ?? null)
        // Checked at the field so its error shows even when other fields are wrong too.
        .superRefine((v, ctx) => {
          const r = v === null ? null : checkIin(v, now());
          if (r && !r.ok) ctx.addIssue({ code: 'custom', message: r.code });
        }),
      birthDate: isoDate,
      sex: z.enum(SEXES, { error: 'validation.required' }),
      document: z.object({
        type: z.enum(ID_DOCUMENT_TYPES, { error: 'validation.required' }),
        number: z
          .string()
          .trim()
          .min(1, { error: 'validation.required' })
          .max(20, { error: 'validation.tooLong' })
          .regex(/^[A-Za-zА-Яа-яЁё0-9 -]+$/u, { error: 'document.numberFormat' }),
        issuedOn: isoDate.nullable().optional().transform((v) => v ?? null),
        issuer: optionalText(120),
        expiresOn: isoDate.nullable().optional().transform((v) => v ?? null),
      }),
      phone: z
        .string()
        .trim()
        .min(1, { error: 'validation.required' })
        .transform((v, ctx) => {
          const r = normalizeKzPhone(v, { allowForeign: true });
          if (!r.ok) {
            ctx.addIssue({ code: 'custom', message: r.code });
            return z.NEVER;
          }
          return r.e164;
        }),
      email: z
        .string()
        .trim()
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .optional()
        .transform((v) => v ?? null)
        .refine((v) => v === null || z.email().safeParse(v).success, { error: 'validation.email' }),
      address: z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.tooLong' }),
      representative: z
        .object({
          fullName: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
          iin: z
            .string()
            .trim()
            .superRefine((v, ctx) => {
              const r = checkIin(v, now());
              if (!r.ok) ctx.addIssue({ code: 'custom', message: r.code });
            }),
          basis: z.enum(REPRESENTATIVE_BASES, { error: 'validation.required' }),
        })
        .nullable()
        .optional()
        .transform((v) => v ?? null),
      preferredLanguage: z.enum(['kk', 'ru']).nullable().optional().transform((v) => v ?? null),
    })
    .superRefine((p, ctx) => {
      const today = now();
      const todayIso = localToday(today);
      if (p.birthDate > todayIso) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'iin.future' });
      if (p.iin !== null) {
        const r = checkIin(p.iin, today);
        if (r.ok) {
          // Date of birth and sex are derived from the IIN; a disagreement is a typo in one of them.
          if (r.birthDate !== p.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'iin.birthDateMismatch' });
          if (r.sex !== p.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: 'iin.sexMismatch' });
        }
      } else if (p.document.type === 'id-card') {
        // Every Kazakhstan ID card carries an IIN; only foreigners' documents may lack one.
        ctx.addIssue({ code: 'custom', path: ['iin'], message: 'validation.required' });
      }
      // A Russian or other foreign number is fine for a foreigner's passport or permit, but for a
      // Kazakhstan ID card it is far more likely a mistyped +7 7xx number.
      const foreignPhone = !/^\+7[67]/.test(p.phone);
      if (foreignPhone && (p.document.type === 'id-card' || p.document.type === 'birth-certificate')) {
        ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone.notKz' });
      }
      if (p.document.issuedOn && p.document.issuedOn > todayIso) {
        ctx.addIssue({ code: 'custom', path: ['document', 'issuedOn'], message: 'validation.dateInFuture' });
      }
      if (p.document.issuedOn && p.document.issuedOn < p.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['document', 'issuedOn'], message: 'document.issuedBeforeBirth' });
      }
      if (p.representative) {
        const r = checkIin(p.representative.iin, today);
        if (!r.ok) return;
        if (r.iin === p.iin) ctx.addIssue({ code: 'custom', path: ['representative', 'iin'], message: 'representative.self' });
        else if (ageOn(r.birthDate, todayIso) < ADULT_AGE) ctx.addIssue({ code: 'custom', path: ['representative', 'iin'], message: 'representative.minor' });
      } else if (ageOn(p.birthDate, todayIso) < ADULT_AGE) {
        ctx.addIssue({ code: 'custom', path: ['representative'], message: 'representative.requiredForMinor' });
      }
    });
}

export type PatientInput = z.output<ReturnType<typeof patientInputSchema>>;
export type PatientFormValues = z.input<ReturnType<typeof patientInputSchema>>;
