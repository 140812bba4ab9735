/**
 * IIN (individual identification number) and BIN (business identification number) checks.
 *
 * Pure functions: no Electron, no I/O. Error codes are stable translation keys; the core never
 * builds human messages because it does not know the receptionist's language. Results never
 * echo the rejected input back inside an error, so an invalid IIN cannot leak into logs through
 * an error object.
 *
 * Source: /work/shared/reference/kazakhstan.md (Government Decree No. 565 of 11 June 2003, as
 * implemented by public validators).
 */

import { isoDateIfExists, localIsoDate } from './dates.js';

export type Sex = 'male' | 'female';

/** Hundreds of the birth year encoded by digit 7 (1 and 2 → 1800, 3 and 4 → 1900, 5 and 6 → 2000). */
export type IinCentury = 1800 | 1900 | 2000;

export type IinErrorCode = 'iin.format' | 'iin.century' | 'iin.date' | 'iin.future' | 'iin.checksum';

export type IinResult =
  | { ok: true; iin: string; birthDate: string; sex: Sex; century: IinCentury }
  | { ok: false; code: IinErrorCode };

export type BinErrorCode = 'bin.format' | 'bin.checksum';

export type BinResult = { ok: true; bin: string } | { ok: false; code: BinErrorCode };

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** Accepts what people paste: spaces (including no-break spaces) between digit groups. */
function stripSpaces(value: string): string {
  return value.replace(/\s+/gu, '');
}

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += Number(digits.charAt(i)) * (weights[i] ?? 0);
  }
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of an IIN or BIN, or `null` when no check digit
 * exists (both passes give 10: such an 11-digit prefix is never issued).
 *
 * Note the algorithm's blind spots, which are properties of the standard and are kept on
 * purpose: digit 11 has first-pass weight 11 ≡ 0 (mod 11), so it only influences the result when
 * the first pass gives 10; and a single changed digit can move a number from the first pass to
 * the second (or back) and land on the same check digit. See iin.test.ts.
 *
 * @throws RangeError when `first11` is not exactly 11 ASCII digits (a programming error).
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/u.test(first11)) throw new RangeError('iinCheckDigit expects exactly 11 digits');
  const first = weightedMod11(first11, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}

function checksumOk(twelve: string): boolean {
  const expected = iinCheckDigit(twelve.slice(0, 11));
  return expected !== null && expected === Number(twelve.charAt(11));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const CENTURY_BY_DIGIT: Readonly<Record<string, IinCentury>> = {
  '1': 1800,
  '2': 1800,
  '3': 1900,
  '4': 1900,
  '5': 2000,
  '6': 2000,
};

/**
 * Validates an IIN. Checks run from structure to checksum (format, century digit, date exists,
 * date not after `today`, check digit), so the code names the most specific problem a
 * receptionist can act on.
 */
export function checkIin(value: string, today: Date): IinResult {
  const iin = stripSpaces(value);
  if (!/^[0-9]{12}$/u.test(iin)) return { ok: false, code: 'iin.format' };

  const centuryDigit = iin.charAt(6);
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return { ok: false, code: 'iin.century' };

  const birthDate = isoDateIfExists(
    century + Number(iin.slice(0, 2)),
    Number(iin.slice(2, 4)),
    Number(iin.slice(4, 6)),
  );
  if (birthDate === null) return { ok: false, code: 'iin.date' };
  // ISO dates compare correctly as strings.
  if (birthDate > localIsoDate(today)) return { ok: false, code: 'iin.future' };

  if (!checksumOk(iin)) return { ok: false, code: 'iin.checksum' };

  const sex: Sex = Number(centuryDigit) % 2 === 1 ? 'male' : 'female';
  return { ok: true, iin, birthDate, sex, century };
}

/**
 * Validates a BIN (the operator's, entered at setup). Only format and check digit: the meaning
 * of a BIN's other digits is not in our sources, so we do not guess at it.
 */
export function checkBin(value: string): BinResult {
  const bin = stripSpaces(value);
  if (!/^[0-9]{12}$/u.test(bin)) return { ok: false, code: 'bin.format' };
  if (!checksumOk(bin)) return { ok: false, code: 'bin.checksum' };
  return { ok: true, bin };
}

/**
 * Builds a valid IIN for a birth date, sex and 4-digit serial (0–9999). Returns null when that
 * serial has no valid check digit (roughly 1 serial in 121); try another serial.
 *
 * Used by the seed generator and by property tests, never to invent a real patient's IIN.
 *
 * @throws RangeError for a malformed or non-existent date, a year outside 1800–2099, or a serial
 *   outside 0–9999 (programming errors, not user input).
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/u.exec(birthDate);
  if (!m) throw new RangeError('makeIin expects a YYYY-MM-DD date');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1800 || year > 2099) throw new RangeError('makeIin supports years 1800–2099');
  if (isoDateIfExists(year, month, day) === null) throw new RangeError('makeIin: date does not exist');
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError('makeIin: serial must be an integer 0–9999');
  }

  // 1800s → 1/2, 1900s → 3/4, 2000s → 5/6; odd digit is male.
  const centuryIndex = Math.floor(year / 100) - 18;
  const centuryDigit = centuryIndex * 2 + (sex === 'male' ? 1 : 2);
  const first11 = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${centuryDigit}${pad(serial, 4)}`;
  const check = iinCheckDigit(first11);
  return check === null ? null : `${first11}${check}`;
}
