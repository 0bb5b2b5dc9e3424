/**
 * Participation settings in the centre's sqlite, and an in-memory snapshot of all of them for the menu, which every
 * kiosk asks for: it is read again only after a write, ours or another connection's (`PRAGMA data_version`).
 */
import type { Localized, Variant } from '@kiosk/protocol';
import type { CenterDb } from '../db.js';
import { parseClock } from './hours.js';
import type { ClockHours, MaintenanceWindow, MunicipalityRules } from './rules.js';
import type { ClosureDate, Hours, MunicipalitySettings } from './settings.js';

export type WeekdayHours = Hours | 'closed';

export interface MunicipalityEntry {
  readonly settings: MunicipalitySettings;
  /** As set, per weekday (0 = Sunday); undefined where the usual hours apply. */
  readonly weekdays: readonly (WeekdayHours | undefined)[];
  readonly closures: readonly ClosureDate[];
  readonly rules: MunicipalityRules;
}

export interface Snapshot {
  readonly defaults: Hours;
  readonly byCode: ReadonlyMap<string, MunicipalityEntry>;
  /** Participating municipalities by code: the menu's order. */
  readonly participating: readonly MunicipalityEntry[];
  /** Every maintenance window, by start. */
  readonly windows: readonly MaintenanceWindow[];
}

interface MunicipalityRow {
  code: string;
  name_ja: string;
  name_en: string;
  participating: number;
  variants: string;
  fee_yen: number;
  opens: string | null;
  closes: string | null;
  new_year_closure: number;
  notices: string;
}
interface WeekdayRow {
  code: string;
  weekday: number;
  opens: string | null;
  closes: string | null;
}
interface ClosureRow {
  code: string;
  date: string;
  reason_ja: string;
  reason_en: string;
}
interface WindowRow {
  id: number;
  municipality_code: string | null;
  starts_at: string;
  ends_at: string;
  reason_ja: string;
  reason_en: string;
}

/** Stored values passed validation on the way in; a row that does not parse is a bug, not an input error. */
function clock(hours: Hours): ClockHours {
  const opens = parseClock(hours.opens);
  const closes = parseClock(hours.closes);
  if (opens === undefined || closes === undefined)
    throw new Error(`stored hours ${hours.opens}–${hours.closes}`);
  return { opens, closes };
}

/** No weekday set apart, Sunday to Saturday. */
const USUAL_WEEK: readonly undefined[] = Object.freeze(Array<undefined>(7).fill(undefined));
const NO_CLOSURES: MunicipalityRules['closures'] = new Map();

export function participationStore(db: CenterDb) {
  const q = {
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    defaults: db.prepare<[], Hours>('SELECT opens, closes FROM participation_defaults WHERE id = 1'),
    municipalities: db.prepare<[], MunicipalityRow>('SELECT * FROM municipalities ORDER BY code'),
    weekdays: db.prepare<[], WeekdayRow>('SELECT * FROM municipality_weekday_hours'),
    closures: db.prepare<[], ClosureRow>('SELECT * FROM municipality_closures ORDER BY date'),
    windows: db.prepare<[], WindowRow>('SELECT * FROM maintenance_windows ORDER BY starts_at, id'),
  };

  function load(): Snapshot {
    const defaults = q.defaults.get() ?? { opens: '06:30', closes: '23:00' };
    const weekdays = new Map<string, (WeekdayHours | undefined)[]>();
    for (const r of q.weekdays.all()) {
      const list: (WeekdayHours | undefined)[] = weekdays.get(r.code) ?? [...USUAL_WEEK];
      list[r.weekday] =
        r.opens === null || r.closes === null ? 'closed' : { opens: r.opens, closes: r.closes };
      weekdays.set(r.code, list);
    }
    const closures = new Map<string, ClosureDate[]>();
    for (const r of q.closures.all()) {
      const list = closures.get(r.code) ?? [];
      list.push({ date: r.date, reason: { ja: r.reason_ja, en: r.reason_en } });
      closures.set(r.code, list);
    }
    const defaultHours = clock(defaults);
    const byCode = new Map<string, MunicipalityEntry>();
    for (const r of q.municipalities.all()) {
      const own = r.opens !== null && r.closes !== null ? { opens: r.opens, closes: r.closes } : undefined;
      // Frozen: menus and admissions hand these out, and a caller changing one would change every later answer.
      const settings: MunicipalitySettings = Object.freeze({
        code: r.code,
        name: Object.freeze({ ja: r.name_ja, en: r.name_en }),
        participating: r.participating === 1,
        variants: Object.freeze(JSON.parse(r.variants) as Variant[]),
        feeYen: r.fee_yen,
        opens: own?.opens ?? null,
        closes: own?.closes ?? null,
        newYearClosure: r.new_year_closure === 1,
        notices: Object.freeze((JSON.parse(r.notices) as Localized[]).map((n) => Object.freeze(n))),
      });
      const days = weekdays.get(r.code) ?? USUAL_WEEK;
      const closed = closures.get(r.code) ?? [];
      // Most municipalities set nothing beyond the defaults: they share the empty week and closure list.
      const rules: MunicipalityRules = {
        hours: own ? clock(own) : defaultHours,
        weekdays:
          days === USUAL_WEEK
            ? USUAL_WEEK
            : days.map((d) => (d === undefined || d === 'closed' ? d : clock(d))),
        newYearClosure: settings.newYearClosure ?? true,
        closures: closed.length === 0 ? NO_CLOSURES : new Map(closed.map((c) => [c.date, c.reason])),
      };
      byCode.set(r.code, { settings, weekdays: days, closures: closed, rules });
    }
    const windows = q.windows.all().map((r): MaintenanceWindow => ({
      id: r.id,
      municipalityCode: r.municipality_code,
      startsMs: Date.parse(r.starts_at),
      endsMs: Date.parse(r.ends_at),
      reason: { ja: r.reason_ja, en: r.reason_en },
    }));
    const participating = [...byCode.values()].filter((m) => m.settings.participating);
    return { defaults, byCode, participating, windows };
  }

  // Our own commits do not move data_version, so they count here.
  let writes = 0;
  let cached: { snapshot: Snapshot; dataVersion: number; writes: number } | undefined;
  const wrote = (changes: number): boolean => {
    writes += 1;
    return changes > 0;
  };

  const w = {
    upsert: db.prepare(
      `INSERT INTO municipalities
         (code, name_ja, name_en, participating, variants, fee_yen, opens, closes, new_year_closure, notices)
       VALUES (@code, @name_ja, @name_en, @participating, @variants, @fee_yen, @opens, @closes, @new_year_closure,
         @notices)
       ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en,
         participating = excluded.participating, variants = excluded.variants, fee_yen = excluded.fee_yen,
         opens = excluded.opens, closes = excluded.closes, new_year_closure = excluded.new_year_closure,
         notices = excluded.notices`,
    ),
    participating: db.prepare('UPDATE municipalities SET participating = ? WHERE code = ?'),
    hours: db.prepare('UPDATE municipalities SET opens = ?, closes = ? WHERE code = ?'),
    newYear: db.prepare('UPDATE municipalities SET new_year_closure = ? WHERE code = ?'),
    notices: db.prepare('UPDATE municipalities SET notices = ? WHERE code = ?'),
    weekday: db.prepare(
      `INSERT INTO municipality_weekday_hours (code, weekday, opens, closes) VALUES (?, ?, ?, ?)
       ON CONFLICT (code, weekday) DO UPDATE SET opens = excluded.opens, closes = excluded.closes`,
    ),
    weekdayClear: db.prepare('DELETE FROM municipality_weekday_hours WHERE code = ? AND weekday = ?'),
    closure: db.prepare(
      `INSERT INTO municipality_closures (code, date, reason_ja, reason_en) VALUES (?, ?, ?, ?)
       ON CONFLICT (code, date) DO UPDATE SET reason_ja = excluded.reason_ja, reason_en = excluded.reason_en`,
    ),
    closureRemove: db.prepare('DELETE FROM municipality_closures WHERE code = ? AND date = ?'),
    window: db.prepare(
      `INSERT INTO maintenance_windows (municipality_code, starts_at, ends_at, reason_ja, reason_en)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    windowRemove: db.prepare('DELETE FROM maintenance_windows WHERE id = ?'),
    exists: db.prepare<[string], number>('SELECT 1 FROM municipalities WHERE code = ?').pluck(),
    defaults: db.prepare('UPDATE participation_defaults SET opens = ?, closes = ? WHERE id = 1'),
  };

  return {
    snapshot(): Snapshot {
      const dataVersion = q.dataVersion.get() ?? 0;
      if (!cached || cached.dataVersion !== dataVersion || cached.writes !== writes) {
        cached = { snapshot: load(), dataVersion, writes };
      }
      return cached.snapshot;
    },
    /** Asked before a write, from the database rather than the snapshot: a run of writes reloads nothing. */
    exists: (code: string): boolean => w.exists.get(code) !== undefined,
    /** Settings already checked (`checkSettings`). */
    upsert(s: MunicipalitySettings): void {
      wrote(
        w.upsert.run({
          code: s.code,
          name_ja: s.name.ja,
          name_en: s.name.en,
          participating: s.participating ? 1 : 0,
          variants: JSON.stringify(s.variants),
          fee_yen: s.feeYen,
          opens: s.opens ?? null,
          closes: s.closes ?? null,
          new_year_closure: s.newYearClosure === false ? 0 : 1,
          notices: JSON.stringify(s.notices),
        }).changes,
      );
    },
    setParticipating: (code: string, on: boolean) => wrote(w.participating.run(on ? 1 : 0, code).changes),
    setHours: (code: string, h: Hours | null) =>
      wrote(w.hours.run(h?.opens ?? null, h?.closes ?? null, code).changes),
    setNewYearClosure: (code: string, on: boolean) => wrote(w.newYear.run(on ? 1 : 0, code).changes),
    setNotices: (code: string, notices: readonly Localized[]) =>
      wrote(w.notices.run(JSON.stringify(notices), code).changes),
    /** Known municipality only (foreign key). */
    setWeekdayHours(code: string, weekday: number, h: WeekdayHours | null): void {
      if (h === null) wrote(w.weekdayClear.run(code, weekday).changes);
      else if (h === 'closed') wrote(w.weekday.run(code, weekday, null, null).changes);
      else wrote(w.weekday.run(code, weekday, h.opens, h.closes).changes);
    },
    addClosure: (code: string, c: ClosureDate) =>
      wrote(w.closure.run(code, c.date, c.reason.ja, c.reason.en).changes),
    removeClosure: (code: string, date: string) => wrote(w.closureRemove.run(code, date).changes),
    addMaintenance(code: string | null, startsAt: Date, endsAt: Date, reason: Localized): number {
      const info = w.window.run(code, startsAt.toISOString(), endsAt.toISOString(), reason.ja, reason.en);
      wrote(info.changes);
      return Number(info.lastInsertRowid);
    },
    removeMaintenance: (id: number) => wrote(w.windowRemove.run(id).changes),
    setDefaultHours: (h: Hours) => wrote(w.defaults.run(h.opens, h.closes).changes),
  };
}

export type ParticipationStore = ReturnType<typeof participationStore>;
