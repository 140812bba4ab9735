/**
 * The BIN check digit, as the core checks it (electron/core/identity/iin.ts). Repeated here
 * because the renderer may not import core code; the core validates again on save, so a
 * drift would show as a server-side error, never as a wrong BIN saved.
 */
const FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function mod11(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + Number(digits.charAt(i)) * w, 0) % 11;
}

export function binProblem(value: string): 'bin.format' | 'bin.checksum' | null {
  const bin = value.replace(/\s+/gu, '');
  if (!/^[0-9]{12}$/u.test(bin)) return 'bin.format';
  let check = mod11(bin, FIRST);
  if (check === 10) check = mod11(bin, SECOND);
  return check !== 10 && check === Number(bin.charAt(11)) ? null : 'bin.checksum';
}
