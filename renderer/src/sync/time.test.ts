import { describe, expect, it } from 'vitest';
import { formatClock, formatMinute, relativeTime } from './time';

describe('sync times', () => {
  const now = new Date(2026, 10, 25, 14, 30, 0).getTime();
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('writes the absolute time as dd.MM.yyyy HH:mm in local time', () => {
    expect(formatMinute(new Date(2026, 0, 5, 9, 7, 59).toISOString())).toBe('05.01.2026 09:07');
    expect(formatClock(new Date(2026, 0, 5, 9, 7).toISOString())).toBe('09:07');
    expect(formatMinute('not a date')).toBe('');
  });

  it('says nothing under a minute, so the caller can say "just now"', () => {
    expect(relativeTime(ago(59_000), now, 'ru')).toBeNull();
    // A clock a little ahead of the renderer's must not read as "in 2 seconds".
    expect(relativeTime(ago(-2_000), now, 'en')).toBeNull();
  });

  it('uses the language’s own plural forms for minutes, hours and days', () => {
    expect(relativeTime(ago(5 * 60_000), now, 'en')).toMatch(/^5 min/);
    expect(relativeTime(ago(21 * 60_000), now, 'ru')).toMatch(/^21 мин/);
    expect(relativeTime(ago(2 * 3_600_000), now, 'kk')).toMatch(/^2 сағ/);
    expect(relativeTime(ago(3 * 86_400_000), now, 'en')).toMatch(/^3 days? ago$/);
  });
});
