/**
 * Folding for search: what a receptionist types and what is stored are compared after
 * lower-casing, ё → е, and mapping each Kazakh letter to the Russian letter people type when
 * their keyboard lacks it (Нұрлан → нурлан, Әлия → алия, Іңкәр → инкар). Stored text keeps
 * its real spelling; only the search keys are folded. Isomorphic: no Node imports.
 */
const FOLD: Record<string, string> = {
  ё: 'е',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  // Latin look-alikes that slip in from a wrong keyboard layout.
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
};

export function foldForSearch(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (const ch of lower) out += FOLD[ch] ?? ch;
  return out.replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** The digits of a phone number without the country code, as stored for prefix search. */
export function phoneSearchDigits(e164: string): string {
  return e164.replace(/\D/g, '').replace(/^7(?=\d{10}$)/, '');
}
