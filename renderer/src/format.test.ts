import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, maskDate, parseDate } from './format';

describe('dates as dd.MM.yyyy', () => {
  it('formats calendar dates without a time-zone shift', () => {
    expect(formatDate('2024-02-01')).toBe('01.02.2024');
    expect(formatDate(new Date(2026, 10, 25, 23, 59))).toBe('25.11.2026');
  });
  it('formats instants in local time', () => {
    expect(formatDateTime(new Date(2026, 0, 5, 9, 7, 3))).toBe('05.01.2026 09:07:03');
    expect(formatDateTime('not a date')).toBe('');
  });
  it('parses only real dates', () => {
    expect(parseDate('29.02.2024')?.getDate()).toBe(29);
    expect(parseDate('29.02.2023')).toBeNull();
    expect(parseDate('1.2.2024')).toBeNull();
  });
  it('masks typed digits', () => {
    expect(maskDate('0102')).toBe('01.02');
    expect(maskDate('01022024')).toBe('01.02.2024');
    expect(maskDate('01.02.2024')).toBe('01.02.2024');
    expect(maskDate('010220245')).toBe('01.02.2024');
  });
});
