/**
 * The participation rules as pure functions of one municipality's compiled settings and an instant: is it open,
 * why not, and when it next opens. No database here, so every rule is tested with plain values.
 */
import type { Localized, MenuMunicipality } from '@kiosk/protocol';
import {
  isNewYearHoliday,
  japanDay,
  japanDayIndex,
  japanMinutes,
  MINUTE_MS,
  type JapanDay,
} from './hours.js';

export type ClosedReason = NonNullable<MenuMunicipality['closedReason']>;

/** Opening hours of one day as minutes since the Japan-time midnight: open from `opens` until before `closes`. */
export interface ClockHours {
  readonly opens: number;
  readonly closes: number;
}

export interface MunicipalityRules {
  /** Its own hours, or the centre's default when it has none. */
  readonly hours: ClockHours;
  /** Per weekday (0 = Sunday): other hours, 'closed' all day, or undefined for `hours`. */
  readonly weekdays: readonly (ClockHours | 'closed' | undefined)[];
  /** Whether 年末年始 (29 Dec – 3 Jan) closes it. */
  readonly newYearClosure: boolean;
  /** 休止日: closure dates (YYYY-MM-DD, Japan time) with their reason. */
  readonly closures: ReadonlyMap<string, Localized>;
}

/** メンテナンス: closed from `startsMs` until before `endsMs`; `municipalityCode` null means every municipality. */
export interface MaintenanceWindow {
  readonly id: number;
  readonly municipalityCode: string | null;
  readonly startsMs: number;
  readonly endsMs: number;
  readonly reason: Localized;
}

export type Availability =
  { readonly open: true } | { readonly open: false; readonly reason: ClosedReason; readonly opensAt?: Date };

/** How far ahead the next opening is looked for: today and the 14 days after it. */
export const LOOKAHEAD_DAYS = 14;

/** The days the next opening is looked for in, from the day of `atMs`; shared by every municipality of a menu. */
export function lookaheadDays(atMs: number): JapanDay[] {
  const today = japanDayIndex(atMs);
  return Array.from({ length: LOOKAHEAD_DAYS + 1 }, (_, i) => japanDay(today + i));
}

/** A day's hours, or why the whole day is closed. */
function dayPlan(rules: MunicipalityRules, day: JapanDay): ClockHours | ClosedReason {
  if (rules.newYearClosure && isNewYearHoliday(day.month, day.day)) return 'new_year';
  if (rules.closures.has(day.date)) return 'closure_date';
  const weekday = rules.weekdays[day.weekday];
  if (weekday === 'closed') return 'hours';
  return weekday ?? rules.hours;
}

/** The first instant at or after `ms` outside every window; `windows` sorted by start, so one pass is enough. */
function afterMaintenance(ms: number, windows: readonly MaintenanceWindow[]): number {
  let at = ms;
  for (const w of windows) if (w.startsMs <= at && at < w.endsMs) at = w.endsMs;
  return at;
}

/**
 * Why it is closed at `atMs`, or undefined when open. A whole closed day is named before the hours, and the hours
 * before maintenance, so a maintenance window at night reads as 'hours', which is what the resident needs to know.
 */
export function closedReasonAt(
  rules: MunicipalityRules,
  windows: readonly MaintenanceWindow[],
  atMs: number,
  today: JapanDay = japanDay(japanDayIndex(atMs)),
): ClosedReason | undefined {
  const plan = dayPlan(rules, today);
  if (typeof plan === 'string') return plan;
  const minutes = japanMinutes(atMs);
  if (minutes < plan.opens || minutes >= plan.closes) return 'hours';
  if (afterMaintenance(atMs, windows) !== atMs) return 'maintenance';
  return undefined;
}

/** The first open instant at or after `atMs` within `days`, or undefined when it stays closed all that time. */
export function nextOpening(
  rules: MunicipalityRules,
  windows: readonly MaintenanceWindow[],
  atMs: number,
  days: readonly JapanDay[],
): number | undefined {
  for (const day of days) {
    const plan = dayPlan(rules, day);
    if (typeof plan === 'string') continue;
    const closesMs = day.startMs + plan.closes * MINUTE_MS;
    const from = afterMaintenance(Math.max(atMs, day.startMs + plan.opens * MINUTE_MS), windows);
    if (from < closesMs) return from;
  }
  return undefined;
}

export function availability(
  rules: MunicipalityRules,
  windows: readonly MaintenanceWindow[],
  atMs: number,
  days: readonly JapanDay[] = lookaheadDays(atMs),
): Availability {
  const reason = closedReasonAt(rules, windows, atMs, days[0]);
  if (!reason) return { open: true };
  const opensAt = nextOpening(rules, windows, atMs, days);
  return opensAt === undefined
    ? { open: false, reason }
    : { open: false, reason, opensAt: new Date(opensAt) };
}
