/**
 * Dates as people in Kazakhstan write them: dd.MM.yyyy, the same in every UI language, so a
 * date typed from an ID card reads the same way back. Local time, since the desk is local.
 */
function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toDate(value: Date | string): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDate(value: Date | string): string {
  // A plain ISO date (yyyy-MM-dd) is a calendar date, not an instant: no time-zone shift.
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const d = toDate(value);
  return d ? `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()}` : '';
}

export function formatDateTime(value: Date | string): string {
  const d = toDate(value);
  return d ? `${formatDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}` : '';
}

/** 'dd.MM.yyyy' → a local Date at midnight, or null if it is not a real calendar date. */
export function parseDate(text: string): Date | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : null;
}

/** Inserts the dots while typing digits: "01022024" → "01.02.2024". */
export function maskDate(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
}
