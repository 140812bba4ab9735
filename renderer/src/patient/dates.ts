import { parseDate } from '../format';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today's calendar date at the desk as ISO (local time: the desk is in Kazakhstan, not UTC). */
export function localIso(now: Date): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** 'dd.MM.yyyy' → 'yyyy-MM-dd' when it is a real calendar date, else null. */
export function isoFromDisplay(text: string): string | null {
  const d = parseDate(text);
  return d ? localIso(d) : null;
}

/** History and audit times: dd.MM.yyyy HH:mm, local. Seconds say nothing to a receptionist. */
export function formatDateTimeMinutes(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad2(d.getDate())}.${pad2(d.getMonth() + 1)}.${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
