import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConsentTextError,
  listConsentVersions,
  loadConsentVersion,
  renderConsentText,
  type ConsentFill,
  type ConsentLang,
  type LoadedConsentVersion,
} from './texts.js';

const RESOURCES = path.resolve('resources');

// The operator's name and address are given in the language rendered (the caller's job).
const OPERATOR: Record<ConsentLang, ConsentFill['operator']> = {
  kk: { legalName: '«АйМедЛаб» ЖШС', bin: '061211600012', address: 'Алматы қ., Абай даңғылы, 1' },
  ru: { legalName: 'ТОО «АйМедЛаб»', bin: '061211600012', address: 'г. Алматы, ул. Абая, 1' },
};

function sampleFill(overrides: Partial<ConsentFill> = {}, lang: ConsentLang = 'ru'): ConsentFill {
  return {
    operator: OPERATOR[lang],
    subject: { fullName: 'Иванова Анна Сергеевна', iin: '900101300811' },
    consent: { date: '25.11.2026', number: 'C-2026-000123' },
    purposes: [
      { id: 'lab-services', chosen: true },
      { id: 'medical-records', chosen: true },
      { id: 'contract-performance', chosen: true },
      { id: 'legal-obligations', chosen: true },
      { id: 'result-notification', chosen: true },
      { id: 'website-account', chosen: false },
    ],
    ...overrides,
  };
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ConsentTextError ? e.code : `unexpected ${String(e)}`;
  }
  return undefined;
}

function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ');
}

function words(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

function withTemplate(v: LoadedConsentVersion, lang: ConsentLang, template: string): LoadedConsentVersion {
  return { manifest: v.manifest, templates: { ...v.templates, [lang]: template } };
}

const tmpDirs: string[] = [];
function copyOfResources(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-texts-'));
  tmpDirs.push(dir);
  cpSync(path.join(RESOURCES, 'consent'), path.join(dir, 'consent'), { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of tmpDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('consent versions', () => {
  it('lists and loads v1 with its purposes', () => {
    expect(listConsentVersions(RESOURCES)).toContain('v1');
    const v1 = loadConsentVersion(RESOURCES, 'v1');
    expect(v1.manifest.version).toBe('v1');
    expect(v1.manifest.languages).toEqual(['kk', 'ru']);
    expect(v1.manifest.purposes.map((p) => [p.id, p.required])).toEqual([
      ['lab-services', true],
      ['medical-records', true],
      ['contract-performance', true],
      ['legal-obligations', true],
      ['result-notification', false],
      ['website-account', false],
    ]);
    // Staff HR records are a policy purpose but not a patient one.
    expect(v1.manifest.purposes.some((p) => /кадров/i.test(p.label.ru))).toBe(false);
    expect(v1.manifest.excludedPolicyPurposes?.[0]?.label.ru).toMatch(/кадрового учёта/);
    expect(v1.templates.kk).toContain('{{purposes}}');
    expect(v1.templates.ru).toContain('{{purposes}}');
  });

  it('rejects bad version ids and missing versions', () => {
    expect(errorCode(() => loadConsentVersion(RESOURCES, '../v1'))).toBe('consent.invalidVersion');
    expect(errorCode(() => loadConsentVersion(RESOURCES, 'v999'))).toBe('consent.versionNotFound');
    expect(listConsentVersions(path.join(tmpdir(), 'no-such-resources-dir'))).toEqual([]);
  });

  it('refuses a published template that changed under the same version', () => {
    const dir = copyOfResources();
    const file = path.join(dir, 'consent', 'v1', 'kk.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('КЕЛІСІМ', 'КЕЛІСІМ.'));
    expect(errorCode(() => loadConsentVersion(dir, 'v1'))).toBe('consent.templateChanged');
  });

  it('loads a CRLF checkout of the same text and renders the same hash', () => {
    const dir = copyOfResources();
    for (const lang of ['kk', 'ru']) {
      const file = path.join(dir, 'consent', 'v1', `${lang}.html`);
      writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    }
    const a = renderConsentText(loadConsentVersion(RESOURCES, 'v1'), 'ru', sampleFill());
    const b = renderConsentText(loadConsentVersion(dir, 'v1'), 'ru', sampleFill());
    expect(b.sha256).toBe(a.sha256);
  });

  it('refuses an invalid manifest', () => {
    const dir = copyOfResources();
    const file = path.join(dir, 'consent', 'v1', 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { purposes: { required: boolean }[] };
    for (const p of manifest.purposes) p.required = false;
    writeFileSync(file, JSON.stringify(manifest));
    expect(errorCode(() => loadConsentVersion(dir, 'v1'))).toBe('consent.invalidManifest');
    writeFileSync(file, '{ not json');
    expect(errorCode(() => loadConsentVersion(dir, 'v1'))).toBe('consent.invalidManifest');
  });
});

describe('renderConsentText', () => {
  const v1 = loadConsentVersion(RESOURCES, 'v1');

  const noCrossBorder: Record<ConsentLang, string> = {
    ru: 'Трансграничная передача персональных данных не осуществляется.',
    kk: 'Дербес деректерді трансшекаралық беру жүзеге асырылмайды.',
  };

  for (const lang of ['kk', 'ru'] as const) {
    it(`renders ${lang} with the parties, every purpose and no holes`, () => {
      const { html, sha256 } = renderConsentText(v1, lang, sampleFill({}, lang));
      expect(html).toContain('061211600012');
      expect(html).toContain('900101300811');
      expect(html).toContain('Иванова Анна Сергеевна');
      expect(html).toContain(OPERATOR[lang].legalName);
      expect(html).toContain('25.11.2026');
      expect(html).toContain('C-2026-000123');
      for (const p of v1.manifest.purposes) expect(html).toContain(p.label[lang]);
      expect(html).toContain(noCrossBorder[lang]);
      expect(html).not.toMatch(/\{\{|\}\}/);
      expect(sha256).toBe(createHash('sha256').update(html, 'utf8').digest('hex'));
    });

    it(`${lang}: marks chosen purposes ☑ and the others ☐`, () => {
      const { html } = renderConsentText(v1, lang, sampleFill());
      const items = html.match(/<li class="consent-purpose [^"]*">.*<\/li>/g) ?? [];
      expect(items).toHaveLength(6);
      expect(items.filter((li) => li.includes('☑'))).toHaveLength(5);
      const website = items.find((li) => li.includes(v1.manifest.purposes[5]?.label[lang] ?? '?'));
      expect(website).toContain('☐');
      expect(website).toContain(v1.manifest.marks.optional[lang]);
      expect(items[0]).toContain(v1.manifest.marks.required[lang]);
    });

    it(`${lang}: no word mixes Latin and Cyrillic letters (look-alike typos)`, () => {
      const mixed = words(visibleText(renderConsentText(v1, lang, sampleFill()).html)).filter(
        (w) => /[A-Za-z]/.test(w) && /\p{Script=Cyrillic}/u.test(w),
      );
      expect(mixed).toEqual([]);
    });
  }

  it('kk uses every Kazakh-specific letter, each in some word', () => {
    // Filled values without Kazakh-specific letters, so the template itself must supply them.
    const neutral = sampleFill({ operator: { ...OPERATOR.kk, address: 'Алматы, 050000' } }, 'kk');
    const kkWords = words(visibleText(renderConsentText(v1, 'kk', neutral).html));
    const missing = [...'ӘәҒғҚқҢңӨөҰұҮүҺһІі'].filter((letter) => !kkWords.some((w) => w.includes(letter)));
    expect(missing).toEqual([]);
  });

  it('escapes filled values', () => {
    const fill = sampleFill({
      subject: { fullName: '<script>alert("x")</script> O\'Neil & Co', iin: '900101300811' },
    });
    const { html } = renderConsentText(v1, 'ru', fill);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Co');
  });

  it('leaves a value that looks like a placeholder as text', () => {
    const { html } = renderConsentText(v1, 'ru', sampleFill({ consent: { date: '25.11.2026', number: '{{subject.iin}}' } }));
    expect(html).toContain('№ {{subject.iin}} от');
  });

  it('hashes the same input the same way, and any one changed character differently', () => {
    const a = renderConsentText(v1, 'kk', sampleFill());
    const b = renderConsentText(v1, 'kk', sampleFill());
    expect(b.sha256).toBe(a.sha256);
    expect(b.html).toBe(a.html);
    const c = renderConsentText(v1, 'kk', sampleFill({ subject: { fullName: 'Иванова Анна Сергеевнa', iin: '900101300811' } }));
    expect(c.sha256).not.toBe(a.sha256);
    expect(renderConsentText(v1, 'ru', sampleFill()).sha256).not.toBe(a.sha256);
  });

  it('pins the v1 output, so a renderer change cannot silently alter signed texts', () => {
    // If this fails, re-rendering a v1 consent no longer reproduces what patients signed.
    // Do not update the value; publish the change as a new version instead.
    expect(renderConsentText(v1, 'ru', sampleFill()).sha256).toBe('e437652db76ea4cf7c31a6ca42d6a68c113a66f33394a81b7e1ce445446add36');
    expect(renderConsentText(v1, 'kk', sampleFill({}, 'kk')).sha256).toBe('ef02e6ddd0afdffc82d7f976e920917fda456119c71e1d40b048f758893206ba');
  });

  it('throws on a missing value instead of printing a hole', () => {
    const blankName = sampleFill({ subject: { fullName: '   ', iin: '900101300811' } });
    expect(errorCode(() => renderConsentText(v1, 'ru', blankName))).toBe('consent.missingValue');
    const noAddress = sampleFill({ operator: { legalName: 'ТОО «АйМедЛаб»', bin: '061211600012', address: '' } });
    expect(errorCode(() => renderConsentText(v1, 'kk', noAddress))).toBe('consent.missingValue');
    // Values arrive over IPC, where the compile-time type is not enforced.
    const fromIpc = JSON.parse('{"operator":{"legalName":"X","bin":"061211600012"}}') as ConsentFill;
    expect(errorCode(() => renderConsentText(v1, 'ru', { ...sampleFill(), operator: fromIpc.operator }))).toBe(
      'consent.missingValue',
    );
  });

  it('throws on malformed identifiers and dates', () => {
    const badIin = sampleFill({ subject: { fullName: 'Иванова Анна', iin: '90010130081' } });
    expect(errorCode(() => renderConsentText(v1, 'ru', badIin))).toBe('consent.invalidValue');
    const badDate = sampleFill({ consent: { date: '31.02.2026', number: '1' } });
    expect(errorCode(() => renderConsentText(v1, 'ru', badDate))).toBe('consent.invalidValue');
    const isoDate = sampleFill({ consent: { date: '2026-11-25', number: '1' } });
    expect(errorCode(() => renderConsentText(v1, 'ru', isoDate))).toBe('consent.invalidValue');
  });

  it('throws on an unknown placeholder', () => {
    const v = withTemplate(v1, 'ru', `${v1.templates.ru ?? ''}<p>{{subject.phone}}</p>`);
    expect(errorCode(() => renderConsentText(v, 'ru', sampleFill()))).toBe('consent.unknownPlaceholder');
    const broken = withTemplate(v1, 'ru', `${v1.templates.ru ?? ''}<p>{{subject.iin}</p>`);
    expect(errorCode(() => renderConsentText(broken, 'ru', sampleFill()))).toBe('consent.unknownPlaceholder');
  });

  it('refuses a template without a required placeholder or with unsafe markup', () => {
    const noIin = withTemplate(v1, 'kk', (v1.templates.kk ?? '').replaceAll('{{subject.iin}}', ''));
    expect(errorCode(() => renderConsentText(noIin, 'kk', sampleFill()))).toBe('consent.templateIncomplete');
    const script = withTemplate(v1, 'kk', `${v1.templates.kk ?? ''}<script>alert(1)</script>`);
    expect(errorCode(() => renderConsentText(script, 'kk', sampleFill()))).toBe('consent.unsafeTemplate');
    const img = withTemplate(v1, 'kk', `${v1.templates.kk ?? ''}<p class="x" onclick="y">z</p>`);
    expect(errorCode(() => renderConsentText(img, 'kk', sampleFill()))).toBe('consent.unsafeTemplate');
  });

  it('requires every required purpose to be chosen', () => {
    const fill = sampleFill();
    const declined = fill.purposes.map((p) => (p.id === 'medical-records' ? { ...p, chosen: false } : p));
    let caught: unknown;
    try {
      renderConsentText(v1, 'kk', { ...fill, purposes: declined });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConsentTextError);
    expect((caught as ConsentTextError).code).toBe('consent.requiredPurposeNotChosen');
    expect((caught as ConsentTextError).details).toEqual({ purpose: 'medical-records' });
  });

  it('requires an answer for every purpose and knows only the version’s purposes', () => {
    const fill = sampleFill();
    const withoutOptional = fill.purposes.filter((p) => p.id !== 'website-account');
    expect(errorCode(() => renderConsentText(v1, 'ru', { ...fill, purposes: withoutOptional }))).toBe(
      'consent.purposeNotAnswered',
    );
    const unknown = [...fill.purposes, { id: 'staff-hr', chosen: true }];
    expect(errorCode(() => renderConsentText(v1, 'ru', { ...fill, purposes: unknown }))).toBe('consent.unknownPurpose');
    const twice = [...fill.purposes, { id: 'lab-services', chosen: true }];
    expect(errorCode(() => renderConsentText(v1, 'ru', { ...fill, purposes: twice }))).toBe('consent.duplicatePurpose');
  });

  it('refuses a language the version does not have', () => {
    const ruOnly: LoadedConsentVersion = { manifest: { ...v1.manifest, languages: ['ru'] }, templates: v1.templates };
    expect(errorCode(() => renderConsentText(ruOnly, 'kk', sampleFill()))).toBe('consent.unsupportedLanguage');
  });
});
