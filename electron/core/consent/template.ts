import { createHash } from 'node:crypto';
import { ConsentTextError, type ConsentLang } from './manifest.js';

// ---------------------------------------------------------------------------------------------
// Templates

/** Placeholders a template may (and must) contain; each is filled from `ConsentFill`. */
export const VALUE_PLACEHOLDERS = [
  'operator.legalName',
  'operator.bin',
  'operator.address',
  'subject.fullName',
  'subject.iin',
  'consent.date',
  'consent.number',
] as const;
export type ValuePlaceholder = (typeof VALUE_PLACEHOLDERS)[number];
export const PURPOSES_PLACEHOLDER = 'purposes';
const ALL_PLACEHOLDERS: readonly string[] = [...VALUE_PLACEHOLDERS, PURPOSES_PLACEHOLDER];

// `[^{}]*` keeps `{{a}}{{b}}` as two tokens; anything left with braces afterwards is malformed.
export const PLACEHOLDER_RE = /\{\{([^{}]*)\}\}/g;

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
export function normalizeTemplate(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function inspectTemplate(template: string, lang: ConsentLang): void {
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

