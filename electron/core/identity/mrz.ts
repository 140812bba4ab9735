/**
 * Reading the machine-readable zone (MRZ) of a Kazakhstan ID card (TD1: 3 lines of 30) or a
 * passport (TD3: 2 lines of 44), as typed by a keyboard-wedge scanner or pasted.
 *
 * Privacy: since 2024 the law restricts collecting copies of ID documents, so the raw MRZ text
 * must never be logged or stored. These are pure functions; results carry only parsed fields and
 * stable codes, and exceptions from the `mrz` package (whose messages quote the raw text) are
 * swallowed here rather than passed on.
 *
 * Check digits (ICAO 9303, weights 7-3-1) are verified by the `mrz` package.
 */

import { parse, type Details, type ParseResult } from 'mrz';

import { isoDateIfExists, localIsoDate } from './dates.js';
import { checkIin, type IinResult, type Sex } from './iin.js';

export type MrzErrorCode = 'mrz.format' | 'mrz.checksum' | 'mrz.date';

/**
 * - `mrz.iinMismatch`: the IIN is valid but its birth date or sex differs from the MRZ's;
 * - `mrz.iinInvalid`: a 12-digit number sits in the optional data but is not a valid IIN;
 * - `mrz.expired`: the document's expiry date is before today.
 */
export type MrzWarningCode = 'mrz.iinMismatch' | 'mrz.iinInvalid' | 'mrz.expired';

export interface IdDocument {
  format: 'TD1' | 'TD3';
  documentType: 'id-card' | 'passport';
  documentNumber: string;
  /** ICAO 9303 three-letter code as printed, e.g. 'KAZ'. */
  issuingState: string;
  nationality: string;
  /** Latin transliteration as in the MRZ, '<' turned into spaces. */
  surname: string;
  givenNames: string;
  birthDate: string;
  /** null when the MRZ says '<' (unspecified). */
  sex: Sex | null;
  expiryDate: string;
  iin: string | null;
}

export type MrzResult =
  | { ok: true; document: IdDocument; warnings: MrzWarningCode[] }
  | { ok: false; code: MrzErrorCode };

const TD1_LINE = 30;
const TD3_LINE = 44;

/** Longer input cannot be an MRZ; bail out before any regex work on big pastes. */
const MAX_INPUT_CHARS = 400;

/**
 * Even a document with long names and full optional data keeps the name separator '<<' and
 * fillers; real samples have dozens. Plain text that happens to be 90 alphanumerics has none.
 */
const MIN_FILLERS = 4;

/**
 * Splits input into MRZ lines: uppercase, whitespace removed, separated by CR, LF or CRLF, or
 * not separated at all (88 or 90 characters, as some scanners type it). Returns null for
 * anything that is not 3×30 or 2×44 of `[A-Z0-9<]`.
 */
function splitMrzLines(text: string): string[] | null {
  if (text.length > MAX_INPUT_CHARS) return null;
  // Check the charset before uppercasing: toUpperCase can turn non-ASCII letters into ASCII ('ß' → 'SS').
  if (!/^[A-Za-z0-9<\s]*$/u.test(text)) return null;
  const lines = text
    .toUpperCase()
    .split(/\r\n|\r|\n/u)
    .map((line) => line.replace(/\s+/gu, ''))
    .filter((line) => line.length > 0);

  if (lines.length === 1) {
    const one = lines[0] ?? '';
    if (one.length === 3 * TD1_LINE) return [one.slice(0, 30), one.slice(30, 60), one.slice(60, 90)];
    if (one.length === 2 * TD3_LINE) return [one.slice(0, 44), one.slice(44, 88)];
    return null;
  }
  if (lines.length === 3 && lines.every((line) => line.length === TD1_LINE)) return lines;
  if (lines.length === 2 && lines.every((line) => line.length === TD3_LINE)) return lines;
  return null;
}

/** Cheap test for a keystroke burst: could this be a TD1 or TD3 MRZ? No check digits verified. */
export function looksLikeMrz(text: string): boolean {
  const lines = splitMrzLines(text);
  if (lines === null) return false;
  const joined = lines.join('');
  // Document codes: A, C, I for TD1 cards, P for passports (ICAO 9303).
  if (!/^[ACIP]/u.test(joined)) return false;
  let fillers = 0;
  for (const ch of joined) if (ch === '<') fillers++;
  return fillers >= MIN_FILLERS;
}

function safeParse(lines: string[]): ParseResult | null {
  try {
    return parse(lines);
  } catch {
    // The error message quotes the MRZ text: drop it, keep only the fact.
    return null;
  }
}

function failureCode(details: readonly Details[]): MrzErrorCode {
  const invalid = details.filter((d) => !d.valid);
  // A misread character usually breaks a check digit; that is the code that tells the
  // receptionist to rescan rather than to suspect the document.
  if (invalid.some((d) => d.field !== null && d.field.endsWith('CheckDigit'))) return 'mrz.checksum';
  if (invalid.some((d) => d.field === 'birthDate' || d.field === 'expirationDate')) return 'mrz.date';
  return 'mrz.format';
}

/** 'YYMMDD' → its parts, or null when a part is missing ('<<' for an unknown month or day). */
function yymmdd(raw: string | null | undefined): { yy: number; mm: number; dd: number } | null {
  if (raw === null || raw === undefined || !/^[0-9]{6}$/u.test(raw)) return null;
  return { yy: Number(raw.slice(0, 2)), mm: Number(raw.slice(2, 4)), dd: Number(raw.slice(4, 6)) };
}

/**
 * The MRZ has a 2-digit birth year. Prefer the IIN's century (it encodes it); otherwise take the
 * latest century that does not put the birth in the future. Without an IIN a 105-year-old is
 * read as 5 years old: the IIN is what resolves that.
 */
function birthDateFor(
  parts: { yy: number; mm: number; dd: number },
  iin: IinResult | null,
  todayIso: string,
): string | null {
  const centuries = iin?.ok ? [iin.century, 2000, 1900] : [2000, 1900];
  for (const century of centuries) {
    const iso = isoDateIfExists(century + parts.yy, parts.mm, parts.dd);
    if (iso !== null && iso <= todayIso) return iso;
  }
  return null;
}

/**
 * The optional-data areas where an issuer may put a national number. On Kazakhstan ID cards the
 * IIN is believed to be in line 1 positions 16–30 (reference: to confirm against a specimen).
 */
function optionalData(format: 'TD1' | 'TD3', lines: readonly string[]): string[] {
  const [l1 = '', l2 = ''] = lines;
  return format === 'TD1' ? [l1.slice(15, 30), l2.slice(18, 29)] : [l2.slice(28, 42)];
}

function findIinCandidate(areas: readonly string[]): string | null {
  for (const area of areas) {
    const m = /(?<![0-9])[0-9]{12}(?![0-9])/u.exec(area);
    if (m) return m[0];
  }
  return null;
}

/**
 * Parses and validates an ID card or passport MRZ.
 *
 * The IIN is looked for only on documents issued by Kazakhstan (KAZ): another state's personal
 * number that happens to be 12 digits is not an IIN and must not be shown as one.
 */
export function parseIdMrz(text: string, today: Date): MrzResult {
  const lines = splitMrzLines(text.trim());
  if (lines === null) return { ok: false, code: 'mrz.format' };
  const parsed = safeParse(lines);
  if (parsed === null) return { ok: false, code: 'mrz.format' };
  const format = parsed.format;
  if (format !== 'TD1' && format !== 'TD3') return { ok: false, code: 'mrz.format' };
  if (!parsed.valid) return { ok: false, code: failureCode(parsed.details) };

  const f = parsed.fields;
  const todayIso = localIsoDate(today);
  const issuingState = f.issuingState ?? '';

  const iinRaw = issuingState === 'KAZ' ? findIinCandidate(optionalData(format, lines)) : null;
  const iinCheck = iinRaw === null ? null : checkIin(iinRaw, today);

  const birthParts = yymmdd(f.birthDate);
  const expiryParts = yymmdd(f.expirationDate);
  if (birthParts === null || expiryParts === null) return { ok: false, code: 'mrz.date' };
  const birthDate = birthDateFor(birthParts, iinCheck, todayIso);
  // Documents issued under ICAO 9303 expire in the 2000s; 19xx would only fit long-dead documents.
  const expiryDate = isoDateIfExists(2000 + expiryParts.yy, expiryParts.mm, expiryParts.dd);
  if (birthDate === null || expiryDate === null) return { ok: false, code: 'mrz.date' };

  const sex: Sex | null = f.sex === 'male' || f.sex === 'female' ? f.sex : null;

  const warnings: MrzWarningCode[] = [];
  let iin: string | null = null;
  if (iinCheck !== null) {
    if (iinCheck.ok) {
      iin = iinCheck.iin;
      if (iinCheck.birthDate !== birthDate || (sex !== null && iinCheck.sex !== sex)) {
        warnings.push('mrz.iinMismatch');
      }
    } else {
      warnings.push('mrz.iinInvalid');
    }
  }
  if (expiryDate < todayIso) warnings.push('mrz.expired');

  const documentNumber = parsed.documentNumber ?? f.documentNumber ?? '';
  if (documentNumber === '') return { ok: false, code: 'mrz.format' };

  return {
    ok: true,
    document: {
      format,
      documentType: format === 'TD1' ? 'id-card' : 'passport',
      documentNumber,
      issuingState,
      nationality: f.nationality ?? '',
      surname: f.lastName ?? '',
      givenNames: f.firstName ?? '',
      birthDate,
      sex,
      expiryDate,
      iin,
    },
    warnings,
  };
}
