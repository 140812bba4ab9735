import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/core/errors';

/**
 * The three UI languages must say everything: the same keys in kk, ru and en for every
 * namespace, no empty messages, a message for every error code and validation key the core
 * can send, and every key the renderer asks for by name.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES = path.join(ROOT, 'resources/locales');
const LANGS = ['kk', 'ru', 'en'] as const;

/** Zod's own issue codes: the core and the client map them to `validation.<code>`. */
const ZOD_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
];

type Flat = Map<string, unknown>;

function flatten(obj: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, obj);
  }
  return out;
}

function namespaces(): string[] {
  const names = new Set<string>();
  for (const lang of LANGS) for (const f of readdirSync(path.join(LOCALES, lang))) if (f.endsWith('.json')) names.add(f.slice(0, -5));
  return [...names].sort();
}

function load(lang: string, ns: string): Flat | null {
  try {
    return flatten(JSON.parse(readFileSync(path.join(LOCALES, lang, `${ns}.json`), 'utf8')));
  } catch {
    return null;
  }
}

function sources(dir: string, skipTests: boolean): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel, skipTests);
    if (!/\.(ts|tsx)$/.test(name) || (skipTests && /\.test\.tsx?$/.test(name))) return [];
    return [rel];
  });
}

const placeholders = (v: unknown) => new Set(typeof v === 'string' ? [...v.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]) : []);

/** Where a validation issue's code is translated (mirrors renderer/src/forms/issues.ts). */
const validationKey = (code: string) => (code.startsWith('validation.') ? code.slice('validation.'.length) : code);

describe('locales', () => {
  const nss = namespaces();

  it('has the foundation namespaces', () => {
    expect(nss).toEqual(expect.arrayContaining(['common', 'auth', 'setup', 'errors', 'validation', 'admin', 'audit']));
  });

  it.each(nss)('namespace %s has the same keys in kk, ru and en', (ns) => {
    const [kk, ru, en] = LANGS.map((l) => load(l, ns));
    expect(kk, `kk/${ns}.json missing or invalid`).not.toBeNull();
    expect(ru, `ru/${ns}.json missing or invalid`).not.toBeNull();
    expect(en, `en/${ns}.json missing or invalid`).not.toBeNull();
    const keys = (f: Flat | null | undefined) => [...(f?.keys() ?? [])].sort();
    expect(keys(kk)).toEqual(keys(en));
    expect(keys(ru)).toEqual(keys(en));
  });

  it.each(nss)('namespace %s has no empty messages and the same placeholders everywhere', (ns) => {
    const maps = LANGS.map((l) => [l, load(l, ns) ?? new Map()] as const);
    for (const [lang, flat] of maps) {
      for (const [key, value] of flat) {
        expect(typeof value === 'string' && value.trim() !== '', `${lang}/${ns}.json: ${key} is empty or not text`).toBe(true);
        const en = maps.find(([l]) => l === 'en')?.[1].get(key);
        expect([...placeholders(value)].sort(), `${lang}/${ns}.json: ${key} placeholders`).toEqual([...placeholders(en)].sort());
      }
    }
  });

  it.each(LANGS)('%s has a message for every core error code', (lang) => {
    const errors = load(lang, 'errors') ?? new Map();
    const missing = ERROR_CODES.filter((code) => !errors.has(code));
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('%s has a message for every validation key the core and the client use', (lang) => {
    const validation = load(lang, 'validation') ?? new Map();
    const used = new Set<string>(ZOD_CODES.map((c) => `validation.${c}`));
    const files = [...sources('electron/core', true), ...sources('renderer/src', true)];
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/['"`]((?:validation|iin|bin|phone|mrz)\.[a-zA-Z_]+)['"`]/g)) if (m[1]) used.add(m[1]);
    }
    const missing = [...used].filter((code) => !validation.has(validationKey(code)));
    expect(missing).toEqual([]);
  });

  it('has every key the renderer asks for by name', () => {
    const en = new Map(nss.map((ns) => [ns, load('en', ns) ?? new Map()]));
    const missing: string[] = [];
    for (const file of sources('renderer/src', true)) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // Literal keys only ('ns:a.b'); keys built from values are covered by the tests above.
      for (const m of text.matchAll(/\bt\(\s*'([a-z]+):([a-zA-Z0-9_.]+)'/g)) {
        const [, ns, key] = m;
        if (!ns || !key || !en.get(ns)?.has(key)) missing.push(`${file}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names each role, tab and language in every locale', () => {
    for (const lang of LANGS) {
      const common = load(lang, 'common') ?? new Map();
      for (const key of [
        'role.receptionist',
        'role.manager',
        'role.admin',
        'tab.desk',
        'tab.audit',
        'tab.staff',
        'tab.settings',
        ...LANGS.flatMap((l) => [`language.name.${l}`, `language.short.${l}`]),
      ])
        expect(common.has(key), `${lang}/common.json: ${key}`).toBe(true);
    }
  });
});
