/**
 * Phone number normalization for Kazakhstan.
 *
 * Kazakhstan shares country code +7 with Russia. Kazakhstan's national numbers (10 digits)
 * start with 6 or 7; Russia's start with 3, 4, 8 or 9 and are foreign numbers here.
 * Source: /work/shared/reference/kazakhstan.md.
 *
 * Pure functions: no Electron, no I/O. Error codes are stable translation keys.
 */

export type PhoneKind = 'kz-mobile' | 'kz-landline' | 'foreign';

export type PhoneErrorCode = 'phone.format' | 'phone.notKz';

export type PhoneResult = { ok: true; e164: string; kind: PhoneKind } | { ok: false; code: PhoneErrorCode };

export interface NormalizePhoneOptions {
  /** Accept Russian +7 numbers and other international numbers as `foreign`. Default false. */
  allowForeign?: boolean;
}

/**
 * Three-digit prefixes (after +7) of Kazakhstan mobile networks. The reference lists
 * "for example 700–708, 747, 771, 775–778"; the team's brief fixed 700–709. 703, 704 and 709 are
 * included on the brief's word and are not confirmed by a numbering-plan source. Only the
 * mobile/landline label depends on this list (e.g. whether to offer SMS); any 6xx/7xx number is
 * accepted either way.
 */
export const KZ_MOBILE_PREFIXES: readonly string[] = Object.freeze([
  '700',
  '701',
  '702',
  '703',
  '704',
  '705',
  '706',
  '707',
  '708',
  '709',
  '747',
  '771',
  '775',
  '776',
  '777',
  '778',
]);

/** E.164 allows at most 15 digits including the country code; shorter than 8 is not a real subscriber number. */
const FOREIGN_MIN_DIGITS = 8;
const FOREIGN_MAX_DIGITS = 15;

/** Separators people type or paste between digit groups. Anything else (letters, '/', '#') is rejected. */
const ALLOWED = /^\+?[0-9\s\-.()]+$/u;

/** Classifies a 10-digit +7 national number. */
function classifyPlus7(national: string, allowForeign: boolean): PhoneResult {
  const first = national.charAt(0);
  if (first === '6' || first === '7') {
    const kind: PhoneKind = KZ_MOBILE_PREFIXES.includes(national.slice(0, 3)) ? 'kz-mobile' : 'kz-landline';
    return { ok: true, e164: `+7${national}`, kind };
  }
  if (first === '3' || first === '4' || first === '8' || first === '9') {
    // Russia's numbering ranges: a real number, just not a Kazakhstan one.
    return allowForeign ? { ok: true, e164: `+7${national}`, kind: 'foreign' } : { ok: false, code: 'phone.notKz' };
  }
  // +7 0xx, 1xx, 2xx, 5xx are assigned to neither country.
  return { ok: false, code: 'phone.format' };
}

/**
 * Normalizes what a receptionist types to E.164.
 *
 * Accepted shapes (with any spaces, dashes, dots and parentheses):
 * - `+7 7xx xxx xx xx` — international;
 * - `8 (7xx) xxx-xx-xx`, `87xxxxxxxxx` — domestic, trunk prefix 8;
 * - `77xxxxxxxxx` — country code typed without '+';
 * - `7xxxxxxxxx`, `6xxxxxxxxx` — the 10 national digits alone (Kazakhstan ranges only).
 * Russian numbers need a prefix (`+7`, `8` or `7`); other countries need a leading '+' (a bare
 * digit string is ambiguous). Foreign numbers are accepted only when `allowForeign` is set.
 */
export function normalizeKzPhone(input: string, opts: NormalizePhoneOptions = {}): PhoneResult {
  const allowForeign = opts.allowForeign === true;
  const trimmed = input.trim();
  if (!ALLOWED.test(trimmed)) return { ok: false, code: 'phone.format' };
  const digits = trimmed.replace(/[^0-9]/gu, '');

  if (trimmed.startsWith('+')) {
    if (digits.startsWith('7')) {
      return digits.length === 11 ? classifyPlus7(digits.slice(1), allowForeign) : { ok: false, code: 'phone.format' };
    }
    if (digits.length < FOREIGN_MIN_DIGITS || digits.length > FOREIGN_MAX_DIGITS || digits.startsWith('0')) {
      return { ok: false, code: 'phone.format' };
    }
    return allowForeign ? { ok: true, e164: `+${digits}`, kind: 'foreign' } : { ok: false, code: 'phone.notKz' };
  }

  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    return classifyPlus7(digits.slice(1), allowForeign);
  }
  // Bare national digits only for Kazakhstan ranges: ten digits starting with 8 are far more
  // likely "8 7xx …" with a digit missing than a Russian number typed without its prefix, and
  // silently storing a wrong number is worse than asking again.
  if (digits.length === 10 && (digits.startsWith('6') || digits.startsWith('7'))) {
    return classifyPlus7(digits, allowForeign);
  }
  return { ok: false, code: 'phone.format' };
}

/**
 * Display form `+7 (7xx) xxx-xx-xx` for +7 numbers. Other E.164 numbers are returned unchanged,
 * since grouping rules differ per country and a wrong grouping misleads more than none.
 */
export function formatKzPhone(e164: string): string {
  const m = /^\+7([0-9]{3})([0-9]{3})([0-9]{2})([0-9]{2})$/u.exec(e164);
  if (!m) return e164;
  return `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}`;
}
