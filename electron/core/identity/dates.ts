/** Calendar-date helpers shared by the identity checks. Dates travel as 'YYYY-MM-DD' strings. */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * 'YYYY-MM-DD' when the calendar date exists, otherwise null (30 February, 29 February 1900,
 * NaN parts from a malformed field).
 */
export function isoDateIfExists(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Years ≥ 1000 are never remapped by Date.UTC (it only shifts 0–99 to 1900–1999).
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Today's calendar date at the front desk, as 'YYYY-MM-DD'. Local time on purpose: a baby born
 * this morning in Almaty (UTC+5) is still "yesterday" in UTC and must not be rejected as born in
 * the future.
 */
export function localIsoDate(today: Date): string {
  return `${pad(today.getFullYear(), 4)}-${pad(today.getMonth() + 1, 2)}-${pad(today.getDate(), 2)}`;
}
