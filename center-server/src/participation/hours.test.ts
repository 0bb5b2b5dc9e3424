/** Japan-time arithmetic: the calendar day and clock of an instant, clock and date parsing, +09:00 instants. */
import { describe, expect, it } from 'vitest';
import { isoJapan, japanDay, japanDayIndex, parseClock, parseJapanDate, tokyoTime } from './hours.js';

describe('Japan time', () => {
  it('reads the Tokyo calendar date even when UTC is still the day before', () => {
    expect(tokyoTime(new Date('2026-11-20T20:00:00Z'))).toEqual({
      month: 11,
      day: 21,
      minutes: 5 * 60,
      date: '2026-11-21',
    });
  });

  it('knows the weekday and the instant a Japan-time day begins', () => {
    const day = japanDay(japanDayIndex(Date.parse('2026-11-22T12:00:00+09:00')));
    expect(day).toMatchObject({ date: '2026-11-22', weekday: 0 });
    expect(new Date(day.startMs).toISOString()).toBe('2026-11-21T15:00:00.000Z');
  });

  it('parses HH:MM clock times, 24:00 included', () => {
    expect(parseClock('06:30')).toBe(390);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['6:30', '24:01', '25:00', '12:60', '12:3', ' 12:30', '']) {
      expect(parseClock(bad), bad).toBeUndefined();
    }
  });

  it('accepts only dates that exist', () => {
    expect(parseJapanDate('2028-02-29')).toBeDefined();
    for (const bad of ['2027-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '20261101']) {
      expect(parseJapanDate(bad), bad).toBeUndefined();
    }
  });

  it('writes instants with the +09:00 offset', () => {
    expect(isoJapan(Date.parse('2026-11-20T21:30:00Z'))).toBe('2026-11-21T06:30:00+09:00');
    expect(isoJapan(Date.parse('2026-11-20T21:30:00.250Z'))).toBe('2026-11-21T06:30:00.250+09:00');
  });
});
