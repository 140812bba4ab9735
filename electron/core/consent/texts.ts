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
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  ConsentTextError,
  manifestSchema,
  VERSION_RE,
  type ConsentLang,
  type ConsentManifest,
  type LoadedConsentVersion,
} from './manifest.js';
import { inspectTemplate, normalizeTemplate, PLACEHOLDER_RE, PURPOSES_PLACEHOLDER, sha256, type ValuePlaceholder } from './template.js';

export {
  CONSENT_ERROR_CODES,
  CONSENT_LANGS,
  ConsentTextError,
  type ConsentErrorCode,
  type ConsentLang,
  type ConsentManifest,
  type ConsentPurpose,
  type LoadedConsentVersion,
} from './manifest.js';

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
