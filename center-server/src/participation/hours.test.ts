import { describe, expect, it } from 'vitest';
import { isOpenAt, tokyoTime } from './hours.js';

const hours = { opens: '06:30', closes: '23:00' };
const tokyo = (iso: string) => new Date(`${iso}+09:00`);

describe('opening hours in Japan time', () => {
  it.each([
    ['2026-11-20T06:29', false],
    ['2026-11-20T06:30', true],
    ['2026-11-20T22:59', true],
    ['2026-11-20T23:00', false],
    ['2026-12-28T12:00', true],
    ['2026-12-29T12:00', false],
    ['2027-01-03T12:00', false],
    ['2027-01-04T06:30', true],
  ])('%s is open: %s', (at, open) => {
    expect(isOpenAt(hours, tokyo(at))).toBe(open);
  });

  it('reads the Tokyo calendar date even when UTC is still the day before', () => {
    expect(tokyoTime(new Date('2026-11-20T20:00:00Z')).date).toBe('2026-11-21');
  });
});
