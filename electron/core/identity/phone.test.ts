import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatKzPhone, KZ_MOBILE_PREFIXES, normalizeKzPhone } from './phone.js';

describe('normalizeKzPhone: Kazakhstan numbers', () => {
  it.each([
    '8 (777) 123-45-67',
    '8(777)123-45-67',
    '+7 777 123 45 67',
    '+7 (777) 123-45-67',
    '+77771234567',
    '87771234567',
    '77771234567',
    '7771234567',
    '777.123.45.67',
    '  8 777 123 45 67  ',
    '8\u00a0777\u00a0123\u00a045\u00a067',
  ])('%j → +77771234567 (mobile)', (input) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: true, e164: '+77771234567', kind: 'kz-mobile' });
  });

  it.each(['8 (727) 250-00-00', '+7 727 250 00 00', '87272500000', '77272500000', '7272500000'])(
    '%j → +77272500000 (Almaty landline)',
    (input) => {
      expect(normalizeKzPhone(input)).toEqual({ ok: true, e164: '+77272500000', kind: 'kz-landline' });
    },
  );

  it('classifies an Astana landline (7172) and a 6xx number as landlines', () => {
    expect(normalizeKzPhone('8 7172 55-66-77')).toEqual({ ok: true, e164: '+77172556677', kind: 'kz-landline' });
    expect(normalizeKzPhone('+7 600 123 45 67')).toEqual({ ok: true, e164: '+76001234567', kind: 'kz-landline' });
  });

  it('labels the mobile prefixes from the brief mobile: 700–709, 747, 771, 775–778', () => {
    // Written out rather than read from the constant, so dropping a prefix is caught.
    const expected = ['700', '701', '702', '703', '704', '705', '706', '707', '708', '709', '747', '771', '775', '776', '777', '778'];
    for (const prefix of expected) {
      expect(normalizeKzPhone(`+7${prefix}1234567`)).toMatchObject({ ok: true, kind: 'kz-mobile' });
    }
    expect([...KZ_MOBILE_PREFIXES].sort()).toEqual(expected);
  });

  it('labels every listed prefix mobile and its neighbours landline', () => {
    for (const prefix of KZ_MOBILE_PREFIXES) {
      expect(normalizeKzPhone(`8${prefix}1234567`)).toMatchObject({ ok: true, kind: 'kz-mobile' });
    }
    for (const prefix of ['710', '712', '746', '748', '770', '772', '774', '779']) {
      expect(normalizeKzPhone(`8${prefix}1234567`)).toMatchObject({ ok: true, kind: 'kz-landline' });
    }
  });

  it('property: every written form of the same national number gives the same E.164', () => {
    const national = fc
      .tuple(fc.constantFrom('6', '7'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
      .map(([first, rest]) => first + rest.join(''));
    fc.assert(
      fc.property(national, (n) => {
        const forms = [
          `8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`,
          `+7 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`,
          `8${n}`,
          `7${n}`,
          n,
        ];
        const results = forms.map((f) => normalizeKzPhone(f));
        for (const r of results) expect(r).toMatchObject({ ok: true, e164: `+7${n}` });
        expect(new Set(results.map((r) => (r.ok ? r.kind : r.code))).size).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeKzPhone: Russian and other foreign numbers', () => {
  it.each(['+7 916 123-45-67', '8 (916) 123-45-67', '79161234567', '+7 495 123 45 67', '+7 343 123 45 67', '+7 800 555 35 35'])(
    '%j is rejected as phone.notKz by default',
    (input) => {
      expect(normalizeKzPhone(input)).toEqual({ ok: false, code: 'phone.notKz' });
    },
  );

  it('accepts a Russian number as foreign when allowed', () => {
    expect(normalizeKzPhone('8 (916) 123-45-67', { allowForeign: true })).toEqual({
      ok: true,
      e164: '+79161234567',
      kind: 'foreign',
    });
    expect(normalizeKzPhone('+7 495 123 45 67', { allowForeign: true })).toEqual({
      ok: true,
      e164: '+74951234567',
      kind: 'foreign',
    });
  });

  it('accepts other international numbers only with a leading + and only when allowed', () => {
    expect(normalizeKzPhone('+998 90 123 45 67')).toEqual({ ok: false, code: 'phone.notKz' });
    expect(normalizeKzPhone('+998 90 123 45 67', { allowForeign: true })).toEqual({
      ok: true,
      e164: '+998901234567',
      kind: 'foreign',
    });
    expect(normalizeKzPhone('+49 30 1234567', { allowForeign: true })).toEqual({
      ok: true,
      e164: '+49301234567',
      kind: 'foreign',
    });
    // Without '+' a 12-digit string is not guessed at.
    expect(normalizeKzPhone('998901234567', { allowForeign: true })).toEqual({ ok: false, code: 'phone.format' });
  });

  it('a bare 10-digit number outside Kazakhstan ranges is not guessed to be Russian', () => {
    // Most likely "8 7xx …" with a digit missing.
    expect(normalizeKzPhone('8777123456', { allowForeign: true })).toEqual({ ok: false, code: 'phone.format' });
    expect(normalizeKzPhone('9161234567', { allowForeign: true })).toEqual({ ok: false, code: 'phone.format' });
  });
});

describe('normalizeKzPhone: junk', () => {
  it.each([
    '',
    '   ',
    'abc',
    '8 777 123 45 6', // 10 digits starting with 8
    '8 777 123 45 678', // 12 digits
    '+7 777 123 45 6',
    '+7 777 123 45 678',
    '+7 (077) 123-45-67', // +7 0xx is neither country
    '+7 (577) 123-45-67',
    '+7 (277) 123-45-67',
    '8 777 123 45 67 ext 2',
    '8-777-123-45-67#',
    '+1234567', // 7 digits: too short for E.164 subscriber numbers
    '+1234567890123456', // 16 digits: longer than E.164 allows
    '+0 123 456 789',
    '8 777 +123 45 67',
    '1 777 123 45 67',
  ])('%j → phone.format', (input) => {
    expect(normalizeKzPhone(input, { allowForeign: true })).toEqual({ ok: false, code: 'phone.format' });
  });

  it('property: strings with a letter are always rejected', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'Z', 'ж', 'x'), fc.string(), (before, letter, after) => {
        expect(normalizeKzPhone(`87771234567${before}${letter}${after}`, { allowForeign: true }).ok).toBe(false);
      }),
    );
  });
});

describe('formatKzPhone', () => {
  it('formats +7 numbers for display', () => {
    expect(formatKzPhone('+77771234567')).toBe('+7 (777) 123-45-67');
    expect(formatKzPhone('+77272500000')).toBe('+7 (727) 250-00-00');
  });

  it('round-trips: the display form normalizes back to the same E.164', () => {
    expect(normalizeKzPhone(formatKzPhone('+77011234567'))).toEqual({
      ok: true,
      e164: '+77011234567',
      kind: 'kz-mobile',
    });
  });

  it('leaves other numbers unchanged', () => {
    expect(formatKzPhone('+998901234567')).toBe('+998901234567');
    expect(formatKzPhone('not a number')).toBe('not a number');
  });
});
