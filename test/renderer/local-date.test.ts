import { describe, expect, it } from 'vitest';
import { dayEnd, dayFormat, formatDay, parseDay } from '../../renderer/lib/local-date';

const dec31 = new Date(2026, 11, 31).getTime();
const mar5 = new Date(2026, 2, 5).getTime();

describe('days in the UI language', () => {
  it('writes a day in the locale’s order, whatever the browser speaks', () => {
    expect(dayFormat('ru-RU')).toEqual({ order: ['day', 'month', 'year'], separator: '.' });
    expect(formatDay(mar5, 'ru-RU')).toBe('05.03.2026');
    expect(formatDay(mar5, 'en-US')).toBe('03/05/2026');
  });

  it('reads a typed day back in the same order, with any separator', () => {
    expect(parseDay('05.03.2026', 'ru-RU')).toBe(mar5);
    expect(parseDay('5-3-2026', 'ru-RU')).toBe(mar5);
    expect(parseDay('03/05/2026', 'en-US')).toBe(mar5);
    expect(parseDay('31.12.26', 'ru-RU')).toBe(dec31);
  });

  it('refuses what is not a real day', () => {
    expect(parseDay('31.02.2026', 'ru-RU')).toBeNull();
    expect(parseDay('12/31/2026', 'ru-RU')).toBeNull(); // month 31 in Russian order
    expect(parseDay('12/2026', 'en-US')).toBeNull();
    expect(parseDay('yesterday', 'en-US')).toBeNull();
  });

  it('ends a day at its last millisecond, across a clock change too', () => {
    expect(dayEnd(mar5)).toBe(new Date(2026, 2, 6).getTime() - 1);
  });
});
