/**
 * Versioned consent texts (Law 94-V): loading a published version from `resources/consent/<version>/`
 * and filling its template for one patient.
 *
 * A signed consent refers to a version and to the sha256 of the exact HTML the patient saw, so:
 * - a published template must never change under the same version: the manifest pins each
 *   template's hash and loading fails if the file on disk differs;
 * - rendering never prints a consent with a hole in it: every placeholder must be known and
 *   filled, and required purposes must be chosen, or it throws.
 *
 * Pure Node (no Electron): the caller decides where resources live and passes `resourcesDir`.
 * Reads are synchronous because the files are a few kilobytes and are read once per version.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CONSENT_LANGS = ['kk', 'ru'] as const;
export type ConsentLang = (typeof CONSENT_LANGS)[number];

/**
 * Stable codes. They are not (yet) in `ERROR_CODES` of `../errors.ts`, which this module does not
 * own; the API layer maps them (e.g. `consent.requiredPurposeNotChosen` to a validation issue).
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

const VERSION_RE = /^v[1-9][0-9]*$/;
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

const manifestSchema = z
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

// ---------------------------------------------------------------------------------------------
// Templates

/** Placeholders a template may (and must) contain; each is filled from `ConsentFill`. */
const VALUE_PLACEHOLDERS = [
  'operator.legalName',
  'operator.bin',
  'operator.address',
  'subject.fullName',
  'subject.iin',
  'consent.date',
  'consent.number',
] as const;
type ValuePlaceholder = (typeof VALUE_PLACEHOLDERS)[number];
const PURPOSES_PLACEHOLDER = 'purposes';
const ALL_PLACEHOLDERS: readonly string[] = [...VALUE_PLACEHOLDERS, PURPOSES_PLACEHOLDER];

// `[^{}]*` keeps `{{a}}{{b}}` as two tokens; anything left with braces afterwards is malformed.
const PLACEHOLDER_RE = /\{\{([^{}]*)\}\}/g;

/**
 * The printed fragment is inserted into the app's own print page, so a template must not be able
 * to run code, load anything from outside, or restyle the page: tags from a fixed list, `class`
 * as the only attribute.
 */
const ALLOWED_TAGS = new Set([
  'h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'strong', 'em', 'span', 'br',
]);
const TAG_RE = /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTR_RE = /\s+([^\s=>]+)(?:="[^"]*")?/g;

/**
 * Git on Windows may check files out with CRLF, and editors add a BOM; either would change the
 * hash of an unchanged text, so both are removed before hashing and rendering.
 */
function normalizeTemplate(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function inspectTemplate(template: string, lang: ConsentLang): void {
  if (/<!--|<!|<\?/.test(template)) {
    throw new ConsentTextError('consent.unsafeTemplate', { lang, reason: 'markupDeclaration' });
  }
  for (const m of template.matchAll(TAG_RE)) {
    const tag = (m[1] ?? '').toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) throw new ConsentTextError('consent.unsafeTemplate', { lang, tag });
    for (const a of (m[2] ?? '').matchAll(ATTR_RE)) {
      const attr = (a[1] ?? '').toLowerCase();
      if (attr !== 'class') throw new ConsentTextError('consent.unsafeTemplate', { lang, tag, attr });
    }
  }
  // Whatever is left after removing well-formed tags must not contain markup.
  if (/[<>]/.test(template.replace(TAG_RE, ''))) {
    throw new ConsentTextError('consent.unsafeTemplate', { lang, reason: 'strayAngleBracket' });
  }

  const seen = new Map<string, number>();
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const name = (m[1] ?? '').trim();
    if (!ALL_PLACEHOLDERS.includes(name)) {
      // The name comes from our own resource file, not from a patient, so it is safe in details.
      throw new ConsentTextError('consent.unknownPlaceholder', { lang, placeholder: name.slice(0, 64) });
    }
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  if (/\{\{|\}\}/.test(template.replace(PLACEHOLDER_RE, ''))) {
    throw new ConsentTextError('consent.unknownPlaceholder', { lang, reason: 'malformedBraces' });
  }
  // Every template must show who consents to whom, when, and for what; a template that forgot
  // one of them would print a consent that is legally incomplete even with all values filled.
  for (const name of ALL_PLACEHOLDERS) {
    if (!seen.has(name)) throw new ConsentTextError('consent.templateIncomplete', { lang, placeholder: name });
  }
  if (seen.get(PURPOSES_PLACEHOLDER) !== 1) {
    throw new ConsentTextError('consent.templateIncomplete', { lang, placeholder: PURPOSES_PLACEHOLDER, count: seen.get(PURPOSES_PLACEHOLDER) ?? 0 });
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

function assertVersionId(version: string): void {
  // The version becomes a directory name; the pattern also rules out `..` and separators.
  if (!VERSION_RE.test(version)) throw new ConsentTextError('consent.invalidVersion');
}

function readJson(file: string, version: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (cause) {
    throw new ConsentTextError('consent.invalidManifest', { version, reason: 'json' }, cause);
  }
}

/** Versions present under `resourcesDir/consent`, oldest first (v2 before v10). */
export function listConsentVersions(resourcesDir: string): string[] {
  const root = path.join(resourcesDir, 'consent');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && VERSION_RE.test(d.name) && existsSync(path.join(root, d.name, 'manifest.json')))
    .map((d) => d.name)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Reads, validates and integrity-checks one published version. */
export function loadConsentVersion(resourcesDir: string, version: string): LoadedConsentVersion {
  assertVersionId(version);
  const dir = path.join(resourcesDir, 'consent', version);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile) || !statSync(manifestFile).isFile()) {
    throw new ConsentTextError('consent.versionNotFound', { version });
  }

  const parsed = manifestSchema.safeParse(readJson(manifestFile, version));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConsentTextError(
      'consent.invalidManifest',
      { version, path: first ? first.path.join('.') : '', issues: parsed.error.issues.length },
      parsed.error,
    );
  }
  const manifest = parsed.data;
  if (manifest.version !== version) {
    throw new ConsentTextError('consent.invalidManifest', { version, path: 'version' });
  }

  const raw: Partial<Record<ConsentLang, string>> = {};
  for (const lang of manifest.languages) {
    const file = path.join(dir, `${lang}.html`);
    if (!existsSync(file)) throw new ConsentTextError('consent.templateMissing', { version, lang });
    raw[lang] = readFileSync(file, 'utf8');
  }
  return checkTemplates(manifest, raw);
}

/**
 * Validates a version given as data (a manager publishing a new text, or one read back from
 * the store): the same checks as loading from resources.
 */
export function parseConsentVersion(rawManifest: unknown, rawTemplates: Partial<Record<ConsentLang, string>>): LoadedConsentVersion {
  const parsed = manifestSchema.safeParse(rawManifest);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConsentTextError('consent.invalidManifest', { path: first ? first.path.join('.') : '', issues: parsed.error.issues.length }, parsed.error);
  }
  return checkTemplates(parsed.data, rawTemplates);
}

/** The sha256 a template will be pinned to, after the same normalization the loader applies. */
export function templateSha256(raw: string): string {
  return sha256(normalizeTemplate(raw));
}

function checkTemplates(manifest: ConsentManifest, raw: Partial<Record<ConsentLang, string>>): LoadedConsentVersion {
  const version = manifest.version;
  const templates: Partial<Record<ConsentLang, string>> = {};
  for (const lang of manifest.languages) {
    const source = raw[lang];
    if (source === undefined) throw new ConsentTextError('consent.templateMissing', { version, lang });
    const template = normalizeTemplate(source);
    if (sha256(template) !== manifest.templateSha256[lang]) {
      // A published text changed under the same version: consents already signed would no longer
      // match their re-rendered text. Publish a new version instead.
      throw new ConsentTextError('consent.templateChanged', { version, lang });
    }
    inspectTemplate(template, lang);
    templates[lang] = template;
  }
  return { manifest, templates };
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface ConsentFill {
  /**
   * In the language being rendered: the kk text must read «АйМедЛаб» ЖШС and a Kazakh address,
   * the ru text ТОО «АйМедЛаб»; this module cannot translate a legal name, so the caller picks.
   */
  operator: { legalName: string; bin: string; address: string };
  subject: { fullName: string; iin: string };
  /** `date` is dd.MM.yyyy, as printed. */
  consent: { date: string; number: string };
  /** One answer per purpose of the version, required ones included. */
  purposes: ReadonlyArray<{ id: string; chosen: boolean }>;
}

export interface RenderedConsent {
  html: string;
  /** sha256 (hex) of `html` as UTF-8: the exact string shown and printed. */
  sha256: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const TWELVE_DIGITS = /^[0-9]{12}$/;

/** What `subject.iin` holds for a patient who has no IIN. */
export const NO_IIN = '—';

function isCalendarDate(ddmmyyyy: string): boolean {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(ddmmyyyy);
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * Values come over IPC, so types are not trusted: each must be a non-blank string. Shape checks
 * only (12 digits, a real date); checksum validation of IIN/BIN belongs to the intake forms.
 */
function collectValues(fill: ConsentFill): Record<ValuePlaceholder, string> {
  const pick = (field: ValuePlaceholder, value: unknown): string => {
    if (typeof value !== 'string' || value.trim() === '') throw new ConsentTextError('consent.missingValue', { field });
    return value.trim();
  };
  const values: Record<ValuePlaceholder, string> = {
    'operator.legalName': pick('operator.legalName', fill.operator?.legalName),
    'operator.bin': pick('operator.bin', fill.operator?.bin),
    'operator.address': pick('operator.address', fill.operator?.address),
    'subject.fullName': pick('subject.fullName', fill.subject?.fullName),
    'subject.iin': pick('subject.iin', fill.subject?.iin),
    'consent.date': pick('consent.date', fill.consent?.date),
    'consent.number': pick('consent.number', fill.consent?.number),
  };
  for (const field of ['operator.bin', 'subject.iin'] as const) {
    // A foreign patient without an IIN is named by document instead; the IIN line shows a dash.
    if (field === 'subject.iin' && values[field] === NO_IIN) continue;
    if (!TWELVE_DIGITS.test(values[field])) throw new ConsentTextError('consent.invalidValue', { field });
  }
  if (!isCalendarDate(values['consent.date'])) throw new ConsentTextError('consent.invalidValue', { field: 'consent.date' });
  return values;
}

/** Every purpose of the version answered exactly once, nothing unknown, required ones chosen. */
function resolveChoices(manifest: ConsentManifest, answers: ConsentFill['purposes']): Map<string, boolean> {
  if (!Array.isArray(answers)) throw new ConsentTextError('consent.missingValue', { field: 'purposes' });
  const known = new Set(manifest.purposes.map((p) => p.id));
  const chosen = new Map<string, boolean>();
  for (const a of answers) {
    if (!known.has(a.id)) throw new ConsentTextError('consent.unknownPurpose', { purpose: String(a.id).slice(0, 64) });
    if (chosen.has(a.id)) throw new ConsentTextError('consent.duplicatePurpose', { purpose: a.id });
    if (typeof a.chosen !== 'boolean') throw new ConsentTextError('consent.missingValue', { field: `purposes.${a.id}` });
    chosen.set(a.id, a.chosen);
  }
  for (const p of manifest.purposes) {
    const answer = chosen.get(p.id);
    if (answer === undefined) throw new ConsentTextError('consent.purposeNotAnswered', { purpose: p.id });
    if (p.required && !answer) throw new ConsentTextError('consent.requiredPurposeNotChosen', { purpose: p.id });
  }
  return chosen;
}

function renderPurposes(manifest: ConsentManifest, lang: ConsentLang, chosen: Map<string, boolean>): string {
  const items = manifest.purposes.map((p) => {
    const isChosen = chosen.get(p.id) === true;
    const classes = [
      'consent-purpose',
      p.required ? 'consent-purpose-required' : 'consent-purpose-optional',
      isChosen ? 'consent-purpose-chosen' : 'consent-purpose-declined',
    ].join(' ');
    const mark = p.required ? manifest.marks.required[lang] : manifest.marks.optional[lang];
    return (
      `  <li class="${classes}"><span class="consent-checkbox">${isChosen ? '☑' : '☐'}</span> ` +
      `${escapeHtml(p.label[lang])} <span class="consent-purpose-mark">(${escapeHtml(mark)})</span></li>`
    );
  });
  return `<ul class="consent-purposes">\n${items.join('\n')}\n</ul>`;
}

/**
 * Fills one language of a loaded version. Throws `ConsentTextError` rather than print a consent
 * with a hole, an unknown placeholder, or a required purpose left unchosen.
 */
export function renderConsentText(version: LoadedConsentVersion, lang: ConsentLang, fill: ConsentFill): RenderedConsent {
  const { manifest } = version;
  const template = manifest.languages.includes(lang) ? version.templates[lang] : undefined;
  if (template === undefined) throw new ConsentTextError('consent.unsupportedLanguage', { version: manifest.version, lang });
  // Checked again here because a LoadedConsentVersion can be built without the loader.
  inspectTemplate(template, lang);

  const values = collectValues(fill);
  const purposesHtml = renderPurposes(manifest, lang, resolveChoices(manifest, fill.purposes));

  // One pass: text substituted in is never scanned again, so a value containing `{{…}}` stays text.
  const html = template.replace(PLACEHOLDER_RE, (_whole, rawName: string) => {
    const name = rawName.trim();
    if (name === PURPOSES_PLACEHOLDER) return purposesHtml;
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) throw new ConsentTextError('consent.unknownPlaceholder', { lang, placeholder: name.slice(0, 64) });
    return escapeHtml(value);
  });
  return { html, sha256: sha256(html) };
}
