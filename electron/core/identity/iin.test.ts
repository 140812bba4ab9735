import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkBin, checkIin, iinCheckDigit, makeIin, type Sex } from './iin.js';

/** Noon local time, so the local calendar date is the one written whatever the test machine's zone. */
const TODAY = new Date(2026, 0, 15, 12, 0, 0);

/**
 * Independent oracle for the test: the first-pass remainder (weights 1..11 mod 11). When it is
 * 10 the check digit comes from the second pass.
 */
function firstPassRemainder(iin: string): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(iin.charAt(i)) * (i + 1);
  return sum % 11;
}

function replaceDigit(value: string, index: number, digit: number): string {
  return value.slice(0, index) + String(digit) + value.slice(index + 1);
}

/**
 * Completes a 7-digit date + century prefix with the first serial that has a check digit, so a
 * test can build numbers whose checksum is right and whose structure is the thing under test.
 */
function withValidCheck(prefix7: string): string {
  for (let serial = 1; serial < 100; serial++) {
    const first11 = prefix7 + String(serial).padStart(4, '0');
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  throw new Error('no serial with a check digit: impossible for 99 serials');
}

const DAY_MS = 86_400_000;
const MIN_DAY = Date.UTC(1800, 0, 1) / DAY_MS;
const MAX_DAY = Date.UTC(2025, 11, 31) / DAY_MS; // before TODAY, so none is "future"

const isoDateArb = fc
  .integer({ min: MIN_DAY, max: MAX_DAY })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const sexArb = fc.constantFrom<Sex>('male', 'female');
const serialArb = fc.integer({ min: 0, max: 9999 });

/** A valid IIN with its inputs; serials with no possible check digit are skipped. */
const validIinArb = fc
  .tuple(isoDateArb, sexArb, serialArb)
  .map(([date, sex, serial]) => ({ date, sex, iin: makeIin(date, sex, serial) }))
  .filter((x): x is { date: string; sex: Sex; iin: string } => x.iin !== null);

describe('checkIin: fixed vectors from the reference', () => {
  it('accepts 061211600012 and derives date, sex and century', () => {
    expect(checkIin('061211600012', TODAY)).toEqual({
      ok: true,
      iin: '061211600012',
      birthDate: '2006-12-11',
      sex: 'female',
      century: 2000,
    });
  });

  it('notes that 061211600012 actually resolves in the second pass (the reference labels it first pass)', () => {
    // 0·1+6·2+1·3+2·4+1·5+1·6+6·7+0·8+0·9+0·10+1·11 = 87 ≡ 10 (mod 11) → second pass gives 2.
    expect(firstPassRemainder('061211600012')).toBe(10);
    expect(iinCheckDigit('06121160001')).toBe(2);
  });

  it('accepts 900101300811 (second pass)', () => {
    expect(firstPassRemainder('900101300811')).toBe(10);
    expect(iinCheckDigit('90010130081')).toBe(1);
    expect(checkIin('900101300811', TODAY)).toEqual({
      ok: true,
      iin: '900101300811',
      birthDate: '1990-01-01',
      sex: 'male',
      century: 1900,
    });
  });

  it('rejects 900101300810 with a checksum error', () => {
    expect(checkIin('900101300810', TODAY)).toEqual({ ok: false, code: 'iin.checksum' });
  });

  it('accepts a first-pass vector 850723400003', () => {
    expect(firstPassRemainder('850723400003')).toBe(3);
    expect(checkIin('850723400003', TODAY)).toMatchObject({ ok: true, birthDate: '1985-07-23', sex: 'female' });
  });
});

describe('iinCheckDigit', () => {
  it('returns null when both passes give 10', () => {
    // Serial 0080 for 1990-01-01 male: 9001013008 0 → both remainders are 10.
    expect(iinCheckDigit('90010130080')).toBeNull();
    expect(makeIin('1990-01-01', 'male', 80)).toBeNull();
  });

  it('rejects input that is not 11 digits', () => {
    expect(() => iinCheckDigit('9001013008')).toThrow(RangeError);
    expect(() => iinCheckDigit('9001013008a')).toThrow(RangeError);
  });
});

describe('checkIin: structure', () => {
  it('trims spaces, including inside the number', () => {
    expect(checkIin('  900101 300811 ', TODAY)).toMatchObject({ ok: true, iin: '900101300811' });
  });

  it.each(['', '90010130081', '9001013008111', '90010130081a', '900101-300811', '９００１０１３００８１１'])(
    'rejects %j as iin.format',
    (value) => {
      expect(checkIin(value, TODAY)).toEqual({ ok: false, code: 'iin.format' });
    },
  );

  it.each(['0', '7', '8', '9'])('rejects century digit %s', (digit) => {
    expect(checkIin(`900101${digit}00811`, TODAY)).toEqual({ ok: false, code: 'iin.century' });
  });

  it('maps every century digit to its century and sex', () => {
    const cases: Array<[string, string, Sex]> = [
      ['1', '1890-05-05', 'male'],
      ['2', '1890-05-05', 'female'],
      ['3', '1990-05-05', 'male'],
      ['4', '1990-05-05', 'female'],
      ['5', '2090-05-05', 'male'],
      ['6', '2090-05-05', 'female'],
    ];
    const farFuture = new Date(2100, 0, 1, 12);
    for (const [digit, birthDate, sex] of cases) {
      expect(checkIin(withValidCheck(`900505${digit}`), farFuture)).toMatchObject({ ok: true, birthDate, sex });
    }
  });

  it('rejects 30 February with iin.date even when the checksum is right', () => {
    const iin = withValidCheck('9002304');
    expect(iinCheckDigit(iin.slice(0, 11))).toBe(Number(iin.charAt(11)));
    expect(checkIin(iin, TODAY)).toEqual({ ok: false, code: 'iin.date' });
  });

  it('knows 29 February 2000 exists and 29 February 1900 does not', () => {
    expect(checkIin(withValidCheck('0002296'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    // Same date digits with century digit 4 (1900s, female): 1900 is not a leap year.
    expect(checkIin(withValidCheck('0002294'), TODAY)).toEqual({ ok: false, code: 'iin.date' });
  });

  it('rejects month 13 and day 00', () => {
    expect(checkIin(withValidCheck('9013013'), TODAY)).toEqual({ ok: false, code: 'iin.date' });
    expect(checkIin(withValidCheck('9001003'), TODAY)).toEqual({ ok: false, code: 'iin.date' });
  });

  it('rejects a birth date after today and accepts a birth today', () => {
    const tomorrow = withValidCheck('2601165');
    expect(checkIin(tomorrow, TODAY)).toEqual({ ok: false, code: 'iin.future' });
    expect(checkIin(withValidCheck('2601155'), TODAY)).toMatchObject({ ok: true, birthDate: '2026-01-15' });
    // The same IIN is fine once its day has come (one second after local midnight).
    expect(checkIin(tomorrow, new Date(2026, 0, 16, 0, 0, 1))).toMatchObject({ ok: true, birthDate: '2026-01-16' });
    // Far future too: a 2099 birth date is structurally fine but not yet possible.
    expect(checkIin(withValidCheck('9912316'), TODAY)).toEqual({ ok: false, code: 'iin.future' });
  });
});

describe('checkIin: properties', () => {
  it('every IIN from makeIin passes and derives the same date and sex', () => {
    fc.assert(
      fc.property(validIinArb, ({ date, sex, iin }) => {
        const r = checkIin(iin, TODAY);
        expect(r).toMatchObject({ ok: true, iin, birthDate: date, sex });
      }),
      { numRuns: 2000 },
    );
  });

  it('makeIin returns null exactly when no check digit exists', () => {
    fc.assert(
      fc.property(isoDateArb, sexArb, serialArb, (date, sex, serial) => {
        const iin = makeIin(date, sex, serial);
        const yy = date.slice(2, 4);
        const mmdd = date.slice(5, 7) + date.slice(8, 10);
        const centuryDigit = (Number(date.slice(0, 2)) - 18) * 2 + (sex === 'male' ? 1 : 2);
        const first11 = `${yy}${mmdd}${centuryDigit}${String(serial).padStart(4, '0')}`;
        const check = iinCheckDigit(first11);
        expect(iin).toBe(check === null ? null : `${first11}${check}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('a changed check digit (position 12) is always rejected', () => {
    fc.assert(
      fc.property(validIinArb, fc.integer({ min: 1, max: 9 }), ({ iin }, delta) => {
        const changed = replaceDigit(iin, 11, (Number(iin.charAt(11)) + delta) % 10);
        expect(checkIin(changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a changed digit at positions 1–10 is rejected unless the change switches pass', () => {
    // Weights 1..10 are non-zero mod 11, so a change always moves the first-pass remainder. If
    // neither number lands on 10 the check digit must change → detected. If one of them lands on
    // 10 it is checked by the second pass instead, which can coincide (see the next test).
    fc.assert(
      fc.property(
        validIinArb,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        ({ iin }, index, delta) => {
          const changed = replaceDigit(iin, index, (Number(iin.charAt(index)) + delta) % 10);
          const switchedPass = firstPassRemainder(iin) === 10 || firstPassRemainder(changed) === 10;
          if (!switchedPass) expect(checkIin(changed, TODAY).ok).toBe(false);
          // Either way the checksum alone matches only when the pass switched.
          const checksumStillMatches = iinCheckDigit(changed.slice(0, 11)) === Number(changed.charAt(11));
          if (checksumStillMatches) expect(switchedPass).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('QUIRK: a change at positions 1–10 can go undetected when it switches pass', () => {
    // Digit 8 changed 0 → 5: the original resolves in the first pass (3), the changed number in
    // the second pass, which happens to give 3 too. Both are valid IINs.
    expect(firstPassRemainder('850723400013')).toBe(3);
    expect(firstPassRemainder('850723450013')).toBe(10);
    expect(checkIin('850723400013', TODAY).ok).toBe(true);
    expect(checkIin('850723450013', TODAY).ok).toBe(true);
  });

  it('QUIRK: position 11 (weight 11 ≡ 0 mod 11) is not detected when the first pass decides', () => {
    // 850723400003 → 850723400013: only digit 11 differs and both pass.
    expect(checkIin('850723400003', TODAY).ok).toBe(true);
    expect(checkIin('850723400013', TODAY).ok).toBe(true);
    // As a property: whenever the first pass decides, every value of digit 11 passes.
    fc.assert(
      fc.property(validIinArb, fc.integer({ min: 0, max: 9 }), ({ iin }, digit) => {
        fc.pre(firstPassRemainder(iin) !== 10);
        expect(checkIin(replaceDigit(iin, 10, digit), TODAY).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('position 11 is detected when the second pass decides (its second-pass weight is 2)', () => {
    fc.assert(
      fc.property(validIinArb, fc.integer({ min: 1, max: 9 }), ({ iin }, delta) => {
        fc.pre(firstPassRemainder(iin) === 10);
        const changed = replaceDigit(iin, 10, (Number(iin.charAt(10)) + delta) % 10);
        expect(checkIin(changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('makeIin', () => {
  it('rejects impossible inputs as programming errors', () => {
    expect(() => makeIin('1990-02-30', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1799-12-31', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('2100-01-01', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1990-1-1', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1990-01-01', 'male', 10_000)).toThrow(RangeError);
    expect(() => makeIin('1990-01-01', 'male', 1.5)).toThrow(RangeError);
  });

  it('encodes century and sex in digit 7', () => {
    expect(makeIin('1890-01-01', 'female', 1)?.charAt(6)).toBe('2');
    expect(makeIin('1990-01-01', 'male', 1)?.charAt(6)).toBe('3');
    expect(makeIin('2010-01-01', 'female', 1)?.charAt(6)).toBe('6');
  });
});

describe('checkBin', () => {
  it('accepts a number with a correct check digit, spaces allowed', () => {
    expect(checkBin('900101300811')).toEqual({ ok: true, bin: '900101300811' });
    expect(checkBin(' 9001 0130 0811 ')).toEqual({ ok: true, bin: '900101300811' });
  });

  it('does not apply IIN date or century rules', () => {
    // Digit 7 = 0 and month 40 would fail an IIN; a BIN only needs a correct check digit.
    const bin = withValidCheck('1240000');
    expect(checkIin(bin, TODAY)).toEqual({ ok: false, code: 'iin.century' });
    expect(checkBin(bin)).toEqual({ ok: true, bin });
  });

  it('rejects a wrong check digit and a wrong length', () => {
    expect(checkBin('900101300810')).toEqual({ ok: false, code: 'bin.checksum' });
    expect(checkBin('90010130081')).toEqual({ ok: false, code: 'bin.format' });
    expect(checkBin('ABC101300811')).toEqual({ ok: false, code: 'bin.format' });
  });

  it('rejects an 11-digit prefix that has no check digit', () => {
    for (let d = 0; d <= 9; d++) expect(checkBin(`90010130080${d}`)).toEqual({ ok: false, code: 'bin.checksum' });
  });
});
