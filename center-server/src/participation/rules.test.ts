/**
 * Every participation rule on plain values with an injected instant: hours and their boundaries, weekdays, 年末年始
 * in Japan time while UTC is the day before, closure dates, maintenance, and the next opening across all of them.
 */
import { describe, expect, it } from 'vitest';
import { isoJapan } from './hours.js';
import {
  availability,
  type Availability,
  type ClockHours,
  type MaintenanceWindow,
  type MunicipalityRules,
} from './rules.js';

const tokyo = (local: string) => Date.parse(`${local}+09:00`);
const clock = (opens: string, closes: string): ClockHours => {
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { opens: min(opens), closes: min(closes) };
};

function rules(over: Partial<MunicipalityRules> = {}): MunicipalityRules {
  return {
    hours: clock('06:30', '23:00'),
    weekdays: [],
    newYearClosure: true,
    closures: new Map(),
    ...over,
  };
}

const window = (from: string, to: string, code: string | null = null): MaintenanceWindow => ({
  id: 1,
  municipalityCode: code,
  startsMs: tokyo(from),
  endsMs: tokyo(to),
  reason: { ja: 'システムメンテナンス', en: 'system maintenance' },
});

/** The availability as the menu shows it: opensAt in Japan time. */
function at(local: string, r = rules(), windows: MaintenanceWindow[] = []) {
  const a: Availability = availability(r, windows, tokyo(local));
  if (a.open) return { open: true };
  return { open: false, reason: a.reason, opensAt: a.opensAt && isoJapan(a.opensAt.getTime()) };
}

describe('opening hours (default 06:30–23:00, Japan time)', () => {
  it.each([
    ['2026-11-20T06:29:59', false],
    ['2026-11-20T06:30', true],
    ['2026-11-20T22:59:59', true],
    ['2026-11-20T23:00', false],
  ])('%s is open: %s', (local, open) => {
    expect(at(local).open).toBe(open);
  });

  it('says when it opens next: this morning, or tomorrow morning after closing', () => {
    expect(at('2026-11-20T05:00')).toEqual({
      open: false,
      reason: 'hours',
      opensAt: '2026-11-20T06:30:00+09:00',
    });
    expect(at('2026-11-20T23:00')).toEqual({
      open: false,
      reason: 'hours',
      opensAt: '2026-11-21T06:30:00+09:00',
    });
  });

  it("follows a municipality's own hours", () => {
    const own = rules({ hours: clock('09:00', '17:00') });
    expect(at('2026-11-20T08:59', own)).toMatchObject({ open: false, opensAt: '2026-11-20T09:00:00+09:00' });
    expect(at('2026-11-20T09:00', own).open).toBe(true);
    expect(at('2026-11-20T17:00', own)).toMatchObject({ open: false, opensAt: '2026-11-21T09:00:00+09:00' });
  });

  it('keeps other hours on one weekday and closes on another (2026-11-22 is a Sunday)', () => {
    const r = rules({
      weekdays: ['closed', undefined, undefined, undefined, undefined, undefined, clock('09:00', '12:00')],
    });
    expect(at('2026-11-21T08:00', r)).toMatchObject({ open: false, opensAt: '2026-11-21T09:00:00+09:00' });
    expect(at('2026-11-21T11:59', r).open).toBe(true);
    expect(at('2026-11-21T12:00', r)).toMatchObject({
      reason: 'hours',
      opensAt: '2026-11-23T06:30:00+09:00',
    });
    expect(at('2026-11-22T10:00', r)).toEqual({
      open: false,
      reason: 'hours',
      opensAt: '2026-11-23T06:30:00+09:00',
    });
  });
});

describe('年末年始 (29 Dec – 3 Jan, Japan time)', () => {
  it('closes at the Japan-time midnight of 29 Dec, while UTC is still 28 Dec', () => {
    expect(at('2026-12-28T22:59').open).toBe(true);
    // 2026-12-28T20:00Z is 05:00 on the 29th in Japan.
    expect(availability(rules(), [], Date.parse('2026-12-28T20:00:00Z'))).toMatchObject({
      open: false,
      reason: 'new_year',
    });
  });

  it('opens at 06:30 on 4 Jan, while UTC is still 3 Jan, and says so from before the holidays', () => {
    expect(availability(rules(), [], Date.parse('2027-01-03T21:30:00Z'))).toEqual({ open: true });
    expect(at('2027-01-03T23:30')).toEqual({
      open: false,
      reason: 'new_year',
      opensAt: '2027-01-04T06:30:00+09:00',
    });
    expect(at('2026-12-28T23:00')).toEqual({
      open: false,
      reason: 'hours',
      opensAt: '2027-01-04T06:30:00+09:00',
    });
  });

  it('stays open over the holidays for a municipality that waives the closure', () => {
    expect(at('2027-01-01T10:00', rules({ newYearClosure: false })).open).toBe(true);
  });
});

describe('closure dates (休止日)', () => {
  const closed = rules({
    closures: new Map([['2026-11-24', { ja: 'システム移行', en: 'system migration' }]]),
  });

  it('closes the whole Japan-time day and reopens the next morning', () => {
    expect(at('2026-11-23T22:59', closed).open).toBe(true);
    expect(at('2026-11-24T12:00', closed)).toEqual({
      open: false,
      reason: 'closure_date',
      opensAt: '2026-11-25T06:30:00+09:00',
    });
    expect(at('2026-11-23T23:30', closed)).toMatchObject({ opensAt: '2026-11-25T06:30:00+09:00' });
  });
});

describe('maintenance windows', () => {
  const windows = [window('2026-11-20T09:00', '2026-11-20T12:00')];

  it('closes from the start until before the end, then opens', () => {
    expect(at('2026-11-20T08:59', rules(), windows).open).toBe(true);
    expect(at('2026-11-20T09:00', rules(), windows)).toEqual({
      open: false,
      reason: 'maintenance',
      opensAt: '2026-11-20T12:00:00+09:00',
    });
    expect(at('2026-11-20T12:00', rules(), windows).open).toBe(true);
  });

  it('names the hours, not the maintenance, for a window at night', () => {
    const night = [window('2026-11-20T23:30', '2026-11-21T07:00')];
    expect(at('2026-11-21T02:00', rules(), night)).toEqual({
      open: false,
      reason: 'hours',
      opensAt: '2026-11-21T07:00:00+09:00',
    });
  });

  it('opens after back-to-back windows, or the next day when a window runs to closing', () => {
    const chained = [
      window('2026-11-20T09:00', '2026-11-20T10:00'),
      window('2026-11-20T10:00', '2026-11-20T11:00'),
    ];
    expect(at('2026-11-20T09:30', rules(), chained)).toMatchObject({ opensAt: '2026-11-20T11:00:00+09:00' });
    const toClosing = [window('2026-11-20T21:00', '2026-11-20T23:30')];
    expect(at('2026-11-20T22:00', rules(), toClosing)).toMatchObject({
      reason: 'maintenance',
      opensAt: '2026-11-21T06:30:00+09:00',
    });
  });

  it('finds the next opening across a closure date and a maintenance window', () => {
    const r = rules({ closures: new Map([['2026-11-21', { ja: '休止', en: 'closed' }]]) });
    const w = [window('2026-11-22T06:00', '2026-11-22T08:15')];
    expect(at('2026-11-20T23:10', r, w)).toMatchObject({ opensAt: '2026-11-22T08:15:00+09:00' });
  });
});

describe('the look-ahead', () => {
  it('leaves opensAt out when nothing opens within 14 days', () => {
    const long = [window('2026-11-20T00:00', '2026-12-10T00:00')];
    expect(at('2026-11-20T10:00', rules(), long)).toEqual({ open: false, reason: 'maintenance' });
    const nearEnd = [window('2026-11-20T00:00', '2026-12-04T12:00')];
    expect(at('2026-11-20T10:00', rules(), nearEnd)).toMatchObject({ opensAt: '2026-12-04T12:00:00+09:00' });
  });

  it('leaves opensAt out when every weekday is closed', () => {
    const never = rules({ weekdays: Array<'closed'>(7).fill('closed') });
    expect(at('2026-11-20T10:00', never)).toEqual({ open: false, reason: 'hours' });
  });
});
