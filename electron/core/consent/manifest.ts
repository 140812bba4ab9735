import { z } from 'zod';

/**
 * The consent text manifest: versions, languages, purposes, and the pinned template hashes.
 * Split from texts.ts (loading and rendering) to keep each part readable on its own.
 */
export const CONSENT_LANGS = ['kk', 'ru'] as const;
export type ConsentLang = (typeof CONSENT_LANGS)[number];

/**
 * Stable codes. The API layer reports them as the error `consent.text` with the code in
 * `details.reason` (see versions.ts `consentError`), and the renderer translates both.
 * Details carry placeholder names, purpose ids, field paths and languages, never personal data.
 */
export const CONSENT_ERROR_CODES = [
  'consent.invalidVersion',
  'consent.versionNotFound',
  'consent.invalidManifest',
  'consent.templateMissing',
  'consent.templateChanged',
  'consent.unsafeTemplate',
  'consent.templateIncomplete',
  'consent.unknownPlaceholder',
  'consent.unsupportedLanguage',
  'consent.missingValue',
  'consent.invalidValue',
  'consent.unknownPurpose',
  'consent.duplicatePurpose',
  'consent.purposeNotAnswered',
  'consent.requiredPurposeNotChosen',
] as const;
export type ConsentErrorCode = (typeof CONSENT_ERROR_CODES)[number];

export class ConsentTextError extends Error {
  readonly code: ConsentErrorCode;
  readonly details?: Record<string, string | number | boolean>;

  constructor(code: ConsentErrorCode, details?: Record<string, string | number | boolean>, cause?: unknown) {
    super(code, cause === undefined ? undefined : { cause });
    this.name = 'ConsentTextError';
    this.code = code;
    if (details) this.details = details;
  }
}

// ---------------------------------------------------------------------------------------------
// Manifest

export const VERSION_RE = /^v[1-9][0-9]*$/;
const nonEmpty = z.string().trim().min(1);
const localized = z.strictObject({ kk: nonEmpty, ru: nonEmpty, en: nonEmpty });
const isoDate = z.iso.date();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const purposeSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  required: z.boolean(),
  /** Clause of the Russian text of the policy; the Kazakh text numbers its clauses differently. */
  policyRef: nonEmpty,
  policyRefKk: nonEmpty.optional(),
  label: localized,
  comment: nonEmpty.optional(),
});

export const manifestSchema = z
  .strictObject({
    version: z.string().regex(VERSION_RE),
    publishedAt: isoDate,
    languages: z.array(z.enum(CONSENT_LANGS)).min(1),
    validity: z.strictObject({
      from: z.literal('signing'),
      until: z.array(z.enum(['purposesAchieved', 'withdrawn'])).min(1),
      medicalRecords: z.literal('statutoryRetentionPeriod'),
      summary: localized,
      comment: nonEmpty.optional(),
    }),
    /** Printed after each purpose in the `{{purposes}}` list. */
    marks: z.strictObject({ required: localized, optional: localized }),
    purposes: z.array(purposeSchema).min(1),
    /** Policy purposes deliberately left off the patient's consent, with the reason. */
    excludedPolicyPurposes: z
      .array(z.strictObject({ policyRef: nonEmpty, label: localized, comment: nonEmpty }))
      .optional(),
    /** sha256 (hex) of each template after normalization (see `normalizeTemplate`). */
    templateSha256: z.strictObject({ kk: sha256Hex.optional(), ru: sha256Hex.optional() }),
    comment: nonEmpty.optional(),
  })
  .superRefine((m, ctx) => {
    const langs = new Set<string>();
    for (const lang of m.languages) {
      if (langs.has(lang)) ctx.addIssue({ code: 'custom', path: ['languages'], message: `duplicate ${lang}` });
      langs.add(lang);
      if (m.templateSha256[lang] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['templateSha256', lang], message: 'missing' });
      }
    }
    const ids = new Set<string>();
    for (const p of m.purposes) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['purposes'], message: `duplicate ${p.id}` });
      ids.add(p.id);
    }
    // A consent with no required purpose would let the desk register a patient it cannot serve.
    if (!m.purposes.some((p) => p.required)) {
      ctx.addIssue({ code: 'custom', path: ['purposes'], message: 'no required purpose' });
    }
  });

export type ConsentManifest = z.infer<typeof manifestSchema>;
export type ConsentPurpose = ConsentManifest['purposes'][number];

export interface LoadedConsentVersion {
  readonly manifest: ConsentManifest;
  /** Normalized template per language listed in the manifest. */
  readonly templates: Readonly<Partial<Record<ConsentLang, string>>>;
}
