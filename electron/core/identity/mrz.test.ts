import { describe, expect, it } from 'vitest';

import { makeIin } from './iin.js';
import { looksLikeMrz, parseIdMrz } from './mrz.js';

/** Noon local time, so the local calendar date is 2026-01-15 whatever the machine's zone. */
const TODAY = new Date(2026, 0, 15, 12, 0, 0);

/** ICAO 9303 check digit: weights 7, 3, 1 repeating; '<' = 0, digits as is, A = 10 … Z = 35. */
function icaoCheckDigit(s: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const value = c === '<' ? 0 : /[0-9]/u.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (weights[i % 3] ?? 0);
  }
  return String(sum % 10);
}

function pad(value: string, length: number): string {
  if (value.length > length) throw new Error(`test data too long for a ${length}-character field`);
  return value.padEnd(length, '<');
}

function nameField(surname: string, given: string, length: number): string {
  return pad(`${surname}<<${given.replaceAll(' ', '<')}`, length);
}

interface Sample {
  state?: string;
  docNumber?: string;
  optional?: string;
  optional2?: string;
  birth?: string;
  sex?: 'M' | 'F' | '<';
  expiry?: string;
  nationality?: string;
  surname?: string;
  given?: string;
}

/** A TD1 (ID card, 3×30) with every check digit right. */
function td1(o: Sample = {}): [string, string, string] {
  const docNumber = pad(o.docNumber ?? '045678912', 9);
  const line1 = `ID${o.state ?? 'KAZ'}${docNumber}${icaoCheckDigit(docNumber)}${pad(o.optional ?? '900101300811', 15)}`;
  const birth = o.birth ?? '900101';
  const expiry = o.expiry ?? '300101';
  const upper =
    `${birth}${icaoCheckDigit(birth)}${o.sex ?? 'M'}${expiry}${icaoCheckDigit(expiry)}` +
    `${o.nationality ?? 'KAZ'}${pad(o.optional2 ?? '', 11)}`;
  const composite = icaoCheckDigit(line1.slice(5, 30) + upper.slice(0, 7) + upper.slice(8, 15) + upper.slice(18, 29));
  return [line1, upper + composite, nameField(o.surname ?? 'NURLANOV', o.given ?? 'ARMAN', 30)];
}

/** A TD3 (passport, 2×44) with every check digit right. */
function td3(o: Sample = {}): [string, string] {
  const line1 = `P<${o.state ?? 'KAZ'}${nameField(o.surname ?? 'ZHAKUPOVA', o.given ?? 'AIGERIM SAULEKYZY', 39)}`;
  const docNumber = pad(o.docNumber ?? 'N12345678', 9);
  const birth = o.birth ?? '900101';
  const expiry = o.expiry ?? '310512';
  const personal = pad(o.optional ?? '', 14);
  const personalCheck = personal === '<'.repeat(14) ? '<' : icaoCheckDigit(personal);
  const body =
    `${docNumber}${icaoCheckDigit(docNumber)}${o.nationality ?? 'KAZ'}${birth}${icaoCheckDigit(birth)}` +
    `${o.sex ?? 'F'}${expiry}${icaoCheckDigit(expiry)}${personal}${personalCheck}`;
  const composite = icaoCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, body + composite];
}

function replaceAt(line: string, index: number, ch: string): string {
  return line.slice(0, index) + ch + line.slice(index + 1);
}

describe('test helper sanity', () => {
  it('computes the ICAO 9303 specimen check digits', () => {
    // From the ICAO 9303 TD1 specimen (also the mrz package README): D23145890 → 7, 740812 → 2, 120415 → 9.
    expect(icaoCheckDigit('D23145890')).toBe('7');
    expect(icaoCheckDigit('740812')).toBe('2');
    expect(icaoCheckDigit('120415')).toBe('9');
  });

  it('builds lines of the right length', () => {
    expect(td1().map((l) => l.length)).toEqual([30, 30, 30]);
    expect(td3().map((l) => l.length)).toEqual([44, 44]);
  });
});

describe('parseIdMrz: Kazakhstan ID card (TD1)', () => {
  const lines = td1();

  it('reads every field and the IIN from the optional data', () => {
    expect(parseIdMrz(lines.join('\n'), TODAY)).toEqual({
      ok: true,
      document: {
        format: 'TD1',
        documentType: 'id-card',
        documentNumber: '045678912',
        issuingState: 'KAZ',
        nationality: 'KAZ',
        surname: 'NURLANOV',
        givenNames: 'ARMAN',
        birthDate: '1990-01-01',
        sex: 'male',
        expiryDate: '2030-01-01',
        iin: '900101300811',
      },
      warnings: [],
    });
  });

  it.each([
    ['CRLF', lines.join('\r\n')],
    ['CR', lines.join('\r')],
    ['no separators (90 characters)', lines.join('')],
    ['lowercase with surrounding whitespace', `  \n${lines.join('\n').toLowerCase()}\n\n `],
    ['trailing Enter after each line, spaces in lines', lines.map((l) => `${l.slice(0, 10)} ${l.slice(10)} \r\n`).join('')],
  ])('gives the same result with %s', (_label, text) => {
    expect(parseIdMrz(text, TODAY)).toEqual(parseIdMrz(lines.join('\n'), TODAY));
    expect(parseIdMrz(text, TODAY)).toMatchObject({ ok: true, document: { iin: '900101300811' } });
  });

  it('returns no IIN when the optional data holds none, and never joins digits across fields', () => {
    const r = parseIdMrz(td1({ optional: '', optional2: '' }).join('\n'), TODAY);
    expect(r).toMatchObject({ ok: true, document: { iin: null }, warnings: [] });
    // Optional field 2 has only 11 characters, so an IIN cannot fit there; a 12-digit run split
    // across the two fields is not an IIN.
    const split = parseIdMrz(td1({ optional: '<<<<<<<<<<<<<90', optional2: '0101300811' }).join('\n'), TODAY);
    expect(split).toMatchObject({ ok: true, document: { iin: null }, warnings: [] });
  });

  it('warns on an IIN whose sex differs from the MRZ, and still returns it', () => {
    expect(parseIdMrz(td1({ sex: 'F' }).join('\n'), TODAY)).toMatchObject({
      ok: true,
      document: { iin: '900101300811', sex: 'female', birthDate: '1990-01-01' },
      warnings: ['mrz.iinMismatch'],
    });
  });

  it('warns on an IIN whose birth date differs from the MRZ', () => {
    expect(parseIdMrz(td1({ birth: '900102' }).join('\n'), TODAY)).toMatchObject({
      ok: true,
      document: { iin: '900101300811', birthDate: '1990-01-02' },
      warnings: ['mrz.iinMismatch'],
    });
  });

  it('drops an invalid IIN with a warning', () => {
    expect(parseIdMrz(td1({ optional: '900101300810' }).join('\n'), TODAY)).toMatchObject({
      ok: true,
      document: { iin: null, birthDate: '1990-01-01' },
      warnings: ['mrz.iinInvalid'],
    });
  });

  it('does not cross-check sex when the MRZ leaves it unspecified', () => {
    expect(parseIdMrz(td1({ sex: '<' }).join('\n'), TODAY)).toMatchObject({
      ok: true,
      document: { sex: null, iin: '900101300811' },
      warnings: [],
    });
  });

  it('takes the century from the IIN: born 1920, not 2020', () => {
    const iin = makeIin('1920-05-05', 'female', 17) ?? makeIin('1920-05-05', 'female', 18);
    expect(iin).not.toBeNull();
    const withIin = parseIdMrz(td1({ optional: iin ?? '', birth: '200505', sex: 'F' }).join('\n'), TODAY);
    expect(withIin).toMatchObject({ ok: true, document: { birthDate: '1920-05-05', iin }, warnings: [] });
    // Without an IIN the latest non-future century wins.
    const without = parseIdMrz(td1({ optional: '', birth: '200505', sex: 'F' }).join('\n'), TODAY);
    expect(without).toMatchObject({ ok: true, document: { birthDate: '2020-05-05', iin: null } });
  });

  it('never puts a birth date in the future: 30 01 01 is 1930', () => {
    expect(parseIdMrz(td1({ optional: '', birth: '300101' }).join('\n'), TODAY)).toMatchObject({
      ok: true,
      document: { birthDate: '1930-01-01' },
    });
  });

  it('warns on an expired document', () => {
    expect(parseIdMrz(td1({ expiry: '250101' }).join('\n'), TODAY)).toMatchObject({
      ok: true,
      document: { expiryDate: '2025-01-01' },
      warnings: ['mrz.expired'],
    });
  });
});

describe('parseIdMrz: passport (TD3)', () => {
  it('reads a Kazakhstan passport with the IIN as personal number', () => {
    const iin = makeIin('1990-01-01', 'female', 1);
    expect(iin).not.toBeNull();
    const r = parseIdMrz(td3({ optional: iin ?? '' }).join('\n'), TODAY);
    expect(r).toEqual({
      ok: true,
      document: {
        format: 'TD3',
        documentType: 'passport',
        documentNumber: 'N12345678',
        issuingState: 'KAZ',
        nationality: 'KAZ',
        surname: 'ZHAKUPOVA',
        givenNames: 'AIGERIM SAULEKYZY',
        birthDate: '1990-01-01',
        sex: 'female',
        expiryDate: '2031-05-12',
        iin,
      },
      warnings: [],
    });
  });

  it('reads it typed without separators (88 characters) and in lowercase', () => {
    const lines = td3();
    expect(parseIdMrz(lines.join('').toLowerCase(), TODAY)).toEqual(parseIdMrz(lines.join('\n'), TODAY));
    expect(parseIdMrz(lines.join(''), TODAY)).toMatchObject({ ok: true, document: { format: 'TD3', iin: null } });
  });

  it("does not read another state's 12-digit personal number as an IIN", () => {
    const r = parseIdMrz(td3({ state: 'UZB', nationality: 'UZB', optional: '900101300811' }).join('\n'), TODAY);
    expect(r).toMatchObject({ ok: true, document: { issuingState: 'UZB', iin: null }, warnings: [] });
  });
});

describe('parseIdMrz: failures', () => {
  it('rejects a corrupted document number as mrz.checksum', () => {
    const [l1, l2, l3] = td1();
    expect(parseIdMrz([replaceAt(l1, 7, '9'), l2, l3].join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.checksum' });
  });

  it('rejects a wrong birth date check digit and a wrong composite check digit', () => {
    const [l1, l2, l3] = td1();
    const wrongBirthCheck = replaceAt(l2, 6, String((Number(l2.charAt(6)) + 1) % 10));
    expect(parseIdMrz([l1, wrongBirthCheck, l3].join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.checksum' });
    const [p1, p2] = td3();
    const wrongComposite = replaceAt(p2, 43, String((Number(p2.charAt(43)) + 1) % 10));
    expect(parseIdMrz([p1, wrongComposite].join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.checksum' });
  });

  it('rejects a corrupted IIN inside the optional data (covered by the composite check digit)', () => {
    const [l1, l2, l3] = td1();
    expect(parseIdMrz([replaceAt(l1, 20, '7'), l2, l3].join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.checksum' });
  });

  it('rejects a date that does not exist even with correct check digits', () => {
    expect(parseIdMrz(td1({ birth: '900230', optional: '' }).join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.date' });
    expect(parseIdMrz(td3({ expiry: '311131' }).join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.date' });
    expect(parseIdMrz(td3({ birth: '901301' }).join('\n'), TODAY)).toEqual({ ok: false, code: 'mrz.date' });
  });

  it.each([
    ['empty', ''],
    ['plain text', 'hello world'],
    ['89 characters', td1().join('').slice(1)],
    ['a line too short', td1().map((l, i) => (i === 1 ? l.slice(1) : l)).join('\n')],
    ['only two TD1 lines', td1().slice(0, 2).join('\n')],
    ['mixed TD1 and TD3 lines', [td1()[0], td3()[1]].join('\n')],
    ['Cyrillic letters (scanner on a Russian layout)', td1().join('\n').replace('NURLANOV', 'НУРЛАНОВ')],
    ['an unknown state code', td1({ state: 'QQQ' }).join('\n')],
  ])('rejects %s as mrz.format', (_label, text) => {
    expect(parseIdMrz(text, TODAY)).toEqual({ ok: false, code: 'mrz.format' });
  });

  it('never echoes the MRZ content in a failure', () => {
    const [l1, l2, l3] = td1();
    const r = parseIdMrz([replaceAt(l1, 7, '9'), l2, l3].join('\n'), TODAY);
    const serialized = JSON.stringify(r);
    expect(r.ok).toBe(false);
    for (const secret of ['NURLANOV', '900101300811', '045', 'KAZ']) expect(serialized).not.toContain(secret);
  });
});

describe('looksLikeMrz', () => {
  it('recognizes TD1 and TD3 with or without line breaks, in either case', () => {
    expect(looksLikeMrz(td1().join('\n'))).toBe(true);
    expect(looksLikeMrz(td1().join(''))).toBe(true);
    expect(looksLikeMrz(td3().join('\r\n').toLowerCase())).toBe(true);
    expect(looksLikeMrz(td3().join(''))).toBe(true);
  });

  it('does not check check digits (that is parseIdMrz’s job)', () => {
    const [l1, l2, l3] = td1();
    expect(looksLikeMrz([replaceAt(l1, 7, '9'), l2, l3].join('\n'))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['a name', 'Nurlanov Arman'],
    ['an IIN', '900101300811'],
    ['90 letters without fillers', 'A'.repeat(90)],
    ['3×30 without fillers', ['IDKAZ0456789127900101300811123', 'X'.repeat(30), 'Y'.repeat(30)].join('\n')],
    ['wrong document code', td1().join('\n').replace(/^ID/u, 'XD')],
    ['line lengths of 31', td1().map((l) => `${l}<`).join('\n')],
    ['a huge paste', '<'.repeat(10_000)],
  ])('rejects %s', (_label, text) => {
    expect(looksLikeMrz(text)).toBe(false);
  });
});
