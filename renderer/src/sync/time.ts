import { formatDate } from '../format';

/**
 * Times on the sync screens: absolute as dd.MM.yyyy HH:mm (local, the same in every UI
 * language, like the rest of the desk), relative as the UI language says it ("5 мин. назад").
 */
function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${formatDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export function formatClock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * "5 min. ago", "2 hours ago", "yesterday" in `language`, or null under a minute (the caller
 * says "just now"). Intl knows each language's plural forms, which a key per count would not.
 */
export function relativeTime(iso: string, nowMs: number, language: string): string | null {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  const minutes = Math.floor((nowMs - t) / 60_000);
  if (minutes < 1) return null;
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.floor(hours / 24), 'day');
}
