/**
 * Participation on the centre's sqlite with an injected clock: what the menu shows and the pipeline admits as
 * settings change through the API (hours, weekdays, closure dates, maintenance, notices, join/leave).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCenterDb, type CenterDb } from '../db.js';
import { participation, type MunicipalitySettings, type Participation } from './participation.js';

const tokyo = (local: string) => new Date(`${local}+09:00`);
const FRIDAY_10 = tokyo('2026-11-20T10:00');
const MAINTENANCE = { ja: 'システムメンテナンス', en: 'system maintenance' };

const municipality = (code: string, over: Partial<MunicipalitySettings> = {}): MunicipalitySettings => ({
  code,
  name: { ja: `自治体${code}`, en: `Town ${code}` },
  participating: true,
  variants: ['domestic', 'overseas'],
  feeYen: 120,
  notices: [],
  ...over,
});

let db: CenterDb;
let p: Participation;
const menuOf = (at: Date) => new Map(p.menu(at).map((m) => [m.code, m]));

beforeEach(() => {
  db = openCenterDb(':memory:');
  p = participation(db);
  for (const code of ['131024', '131113', '122319']) expect(p.upsert(municipality(code)).ok).toBe(true);
  p.upsert(municipality('011002', { participating: false }));
});
afterEach(() => db.close());

describe('the menu', () => {
  it('lists the participating municipalities by code, open with the default hours', () => {
    expect(p.menu(FRIDAY_10)).toEqual(
      ['122319', '131024', '131113'].map((code) => ({
        code,
        name: { ja: `自治体${code}`, en: `Town ${code}` },
        open: true,
        variants: ['domestic', 'overseas'],
        feeYen: 120,
        notices: [],
      })),
    );
  });

  it('shows when closed why and when it opens, in Japan time', () => {
    expect(menuOf(tokyo('2026-11-20T23:00')).get('131024')).toMatchObject({
      open: false,
      closedReason: 'hours',
      opensAt: '2026-11-21T06:30:00+09:00',
    });
  });

  it('follows own hours, back to the default with null, and a change of the default', () => {
    expect(p.setHours('131024', { opens: '09:00', closes: '17:00' }).ok).toBe(true);
    expect(menuOf(tokyo('2026-11-20T08:00')).get('131024')).toMatchObject({
      opensAt: '2026-11-20T09:00:00+09:00',
    });
    expect(menuOf(tokyo('2026-11-20T17:00')).get('131113')?.open).toBe(true);
    expect(menuOf(tokyo('2026-11-20T17:00')).get('131024')?.open).toBe(false);
    expect(p.setDefaultHours({ opens: '07:00', closes: '22:00' }).ok).toBe(true);
    expect(menuOf(tokyo('2026-11-20T22:00')).get('131113')?.open).toBe(false);
    expect(menuOf(tokyo('2026-11-20T16:00')).get('131024')?.open).toBe(true);
    expect(p.setHours('131024', null).ok).toBe(true);
    expect(menuOf(tokyo('2026-11-20T06:45')).get('131024')).toMatchObject({
      opensAt: '2026-11-20T07:00:00+09:00',
    });
  });

  it('closes on a weekday set closed (2026-11-22 is a Sunday) until the setting is cleared', () => {
    expect(p.setWeekdayHours('122319', 0, 'closed').ok).toBe(true);
    const sunday = tokyo('2026-11-22T10:00');
    expect(menuOf(sunday).get('122319')).toMatchObject({
      closedReason: 'hours',
      opensAt: '2026-11-23T06:30:00+09:00',
    });
    expect(p.setWeekdayHours('122319', 0, null).ok).toBe(true);
    expect(menuOf(sunday).get('122319')?.open).toBe(true);
  });

  it('waives 年末年始 for a municipality that asks', () => {
    const newYear = tokyo('2027-01-02T10:00');
    expect(menuOf(newYear).get('131024')).toMatchObject({ closedReason: 'new_year' });
    expect(p.setNewYearClosure('131024', false).ok).toBe(true);
    expect(menuOf(newYear).get('131024')?.open).toBe(true);
  });

  it('closes on a closure date until it is removed', () => {
    const closure = { date: '2026-11-20', reason: { ja: 'システム移行', en: 'system migration' } };
    expect(p.addClosureDate('131113', closure).ok).toBe(true);
    expect(menuOf(FRIDAY_10).get('131113')).toMatchObject({
      closedReason: 'closure_date',
      opensAt: '2026-11-21T06:30:00+09:00',
    });
    expect(p.admit('131113', 'domestic', FRIDAY_10)).toEqual({ ok: false, error: 'MUNICIPALITY_CLOSED' });
    expect(p.removeClosureDate('131113', '2026-11-20').ok).toBe(true);
    expect(menuOf(FRIDAY_10).get('131113')?.open).toBe(true);
  });

  it('shows its own notices', () => {
    const notice = { ja: '海外用は窓口で。', en: 'Overseas: at the office.' };
    expect(p.setNotices('122319', [notice]).ok).toBe(true);
    expect(menuOf(FRIDAY_10).get('122319')?.notices).toEqual([notice]);
  });

  it('leaves out a municipality that leaves, and brings it back when it joins', () => {
    expect(p.leave('131024').ok).toBe(true);
    expect(menuOf(FRIDAY_10).has('131024')).toBe(false);
    expect(p.admit('131024', 'domestic', FRIDAY_10)).toEqual({
      ok: false,
      error: 'MUNICIPALITY_NOT_PARTICIPATING',
    });
    expect(p.join('131024').ok).toBe(true);
    expect(menuOf(FRIDAY_10).get('131024')?.open).toBe(true);
  });
});

describe('maintenance windows', () => {
  const window = (from: string, to: string, municipalityCode?: string) => {
    const added = p.addMaintenance({
      municipalityCode,
      startsAt: tokyo(from),
      endsAt: tokyo(to),
      reason: MAINTENANCE,
    });
    if (!added.ok) throw new Error(added.error.detail);
    return added.value.id;
  };

  it('a centre-wide window closes every municipality, and removing it reopens them', () => {
    const id = window('2026-11-20T09:00', '2026-11-20T12:00');
    for (const m of p.menu(FRIDAY_10)) {
      expect(m).toMatchObject({
        open: false,
        closedReason: 'maintenance',
        opensAt: '2026-11-20T12:00:00+09:00',
      });
    }
    expect(p.admit('122319', 'domestic', FRIDAY_10)).toEqual({ ok: false, error: 'MUNICIPALITY_CLOSED' });
    expect(p.availability('122319', FRIDAY_10)).toEqual({
      open: false,
      reason: 'maintenance',
      opensAt: tokyo('2026-11-20T12:00'),
    });
    expect(p.removeMaintenance(id).ok).toBe(true);
    expect(p.menu(FRIDAY_10).every((m) => m.open)).toBe(true);
  });

  it("a municipality's window closes that municipality only", () => {
    window('2026-11-20T09:00', '2026-11-20T12:00', '131113');
    const menu = menuOf(FRIDAY_10);
    expect(menu.get('131113')).toMatchObject({ open: false, closedReason: 'maintenance' });
    expect(menu.get('131024')?.open).toBe(true);
    expect(p.admit('131113', 'domestic', FRIDAY_10).ok).toBe(false);
    expect(p.admit('131024', 'domestic', FRIDAY_10).ok).toBe(true);
  });

  it('is announced in both languages from 7 days before until it ends, where it applies', () => {
    expect(p.setNotices('131113', [{ ja: '既存', en: 'existing' }]).ok).toBe(true);
    window('2026-11-27T01:00', '2026-11-27T05:00', '131113');
    const announced = {
      ja: '11月27日(金) 1:00〜5:00は、システムメンテナンスのため証明書を交付できません。',
      en: 'Certificates cannot be issued from 01:00 to 05:00 on Fri 27 Nov (Japan time): system maintenance.',
    };
    expect(menuOf(tokyo('2026-11-20T00:59')).get('131113')?.notices).toHaveLength(1);
    expect(menuOf(tokyo('2026-11-20T01:00')).get('131113')?.notices).toEqual([
      { ja: '既存', en: 'existing' },
      announced,
    ]);
    expect(menuOf(tokyo('2026-11-27T04:59')).get('131113')?.notices).toContainEqual(announced);
    expect(menuOf(tokyo('2026-11-27T05:00')).get('131113')?.notices).toHaveLength(1);
    expect(menuOf(tokyo('2026-11-25T10:00')).get('131024')?.notices).toEqual([]);
  });
});

describe('admission', () => {
  it('admits an open, participating municipality for a variant it offers, and refuses the others', () => {
    expect(p.upsert(municipality('131024', { variants: ['domestic'] })).ok).toBe(true);
    expect(p.admit('131024', 'domestic', FRIDAY_10)).toMatchObject({
      ok: true,
      value: { code: '131024', name: { ja: '自治体131024' } },
    });
    expect(p.admit('131024', 'overseas', FRIDAY_10)).toEqual({ ok: false, error: 'VARIANT_NOT_OFFERED' });
    expect(p.admit('011002', 'domestic', FRIDAY_10)).toEqual({
      ok: false,
      error: 'MUNICIPALITY_NOT_PARTICIPATING',
    });
    expect(p.admit('999999', 'domestic', FRIDAY_10)).toEqual({
      ok: false,
      error: 'MUNICIPALITY_NOT_PARTICIPATING',
    });
    expect(p.admit('131024', 'domestic', tokyo('2026-11-20T23:00'))).toEqual({
      ok: false,
      error: 'MUNICIPALITY_CLOSED',
    });
    expect(p.availability('011002', FRIDAY_10)).toBeUndefined();
  });
});

describe('the settings API', () => {
  const reason = { ja: '移行', en: 'migration' };
  const at = tokyo('2026-11-21T10:00');

  it.each([
    ['HH:MM', () => p.setHours('131024', { opens: '9:00', closes: '17:00' }), 'TIME_INVALID'],
    ['closes after opens', () => p.setHours('131024', { opens: '17:00', closes: '09:00' }), 'HOURS_EMPTY'],
    ['opens before 24:00', () => p.setHours('131024', { opens: '24:00', closes: '24:00' }), 'TIME_INVALID'],
    ['a weekday', () => p.setWeekdayHours('131024', 7, 'closed'), 'WEEKDAY_INVALID'],
    ['a real date', () => p.addClosureDate('131024', { date: '2026-02-30', reason }), 'DATE_INVALID'],
    [
      'a reason',
      () => p.addClosureDate('131024', { date: '2026-11-21', reason: { ja: ' ', en: 'x' } }),
      'TEXT_INVALID',
    ],
    [
      'a known municipality',
      () => p.addClosureDate('999999', { date: '2026-11-21', reason }),
      'MUNICIPALITY_UNKNOWN',
    ],
    ['a municipality code', () => p.join('13102'), 'MUNICIPALITY_CODE_INVALID'],
    [
      'end after start',
      () => p.addMaintenance({ startsAt: at, endsAt: at, reason: MAINTENANCE }),
      'WINDOW_INVALID',
    ],
    [
      'real instants',
      () => p.addMaintenance({ startsAt: new Date('soon'), endsAt: at, reason: MAINTENANCE }),
      'WINDOW_INVALID',
    ],
    [
      'a known municipality for maintenance',
      () =>
        p.addMaintenance({
          municipalityCode: '999999',
          startsAt: tokyo('2026-11-21T09:00'),
          endsAt: at,
          reason: MAINTENANCE,
        }),
      'MUNICIPALITY_UNKNOWN',
    ],
    ['at most 5 notices', () => p.setNotices('131024', Array(6).fill(reason)), 'TEXT_INVALID'],
    ['a fee in whole yen', () => p.upsert(municipality('131024', { feeYen: 12.5 })), 'SETTINGS_INVALID'],
    ['some variant', () => p.upsert(municipality('131024', { variants: [] })), 'SETTINGS_INVALID'],
    ['both own times or none', () => p.upsert(municipality('131024', { opens: '09:00' })), 'TIME_INVALID'],
    ['an existing window', () => p.removeMaintenance(999), 'NOT_FOUND'],
    ['an existing closure', () => p.removeClosureDate('131024', '2026-11-21'), 'NOT_FOUND'],
  ])('requires %s', (_, call, code) => {
    const result = call();
    expect(result).toMatchObject({ ok: false, error: { code } });
    // Nothing was stored: the menu is as before.
    expect(menuOf(at).get('131024')).toMatchObject({ open: true, feeYen: 120, notices: [] });
  });

  it('shows a municipality everything it has set', () => {
    p.setHours('131024', { opens: '08:00', closes: '20:00' });
    p.setWeekdayHours('131024', 0, 'closed');
    p.addClosureDate('131024', { date: '2026-12-01', reason });
    p.addMaintenance({
      startsAt: tokyo('2026-12-02T01:00'),
      endsAt: tokyo('2026-12-02T03:00'),
      reason: MAINTENANCE,
    });
    expect(p.config('131024')).toMatchObject({
      settings: { opens: '08:00', closes: '20:00', newYearClosure: true },
      centreHours: { opens: '06:30', closes: '23:00' },
      weekdays: ['closed', ...Array<undefined>(6).fill(undefined)],
      closures: [{ date: '2026-12-01', reason }],
      maintenance: [
        {
          municipalityCode: null,
          startsAt: '2026-12-02T01:00:00+09:00',
          endsAt: '2026-12-02T03:00:00+09:00',
        },
      ],
    });
    expect(p.config('999999')).toBeUndefined();
  });
});

describe('another connection', () => {
  it('sees settings written through another connection to the same database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'participation-'));
    const file = join(dir, 'center.sqlite');
    const first = openCenterDb(file);
    const second = openCenterDb(file);
    try {
      const reader = participation(first);
      const writer = participation(second);
      writer.upsert(municipality('131024'));
      expect(reader.menu(FRIDAY_10).map((m) => m.open)).toEqual([true]);
      writer.addClosureDate('131024', { date: '2026-11-20', reason: { ja: '休止', en: 'closed' } });
      expect(reader.menu(FRIDAY_10)[0]).toMatchObject({ open: false, closedReason: 'closure_date' });
    } finally {
      first.close();
      second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
