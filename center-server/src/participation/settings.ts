/**
 * What a municipality (or the centre) may set about its participation, and the checks every setting passes before
 * it is stored. A bad input is an error value with a stable code, never an exception: the console shows it.
 */
import { err, ok, type Localized, type Result, type Variant } from '@kiosk/protocol';
import { parseClock, parseJapanDate } from './hours.js';
import type { ClockHours } from './rules.js';

export interface MunicipalitySettings {
  readonly code: string;
  readonly name: Localized;
  /** 参加: offered in the menu and admitted by the pipeline. */
  readonly participating: boolean;
  readonly variants: readonly Variant[];
  /** 手数料 per copy. */
  readonly feeYen: number;
  /** Its own hours ("HH:MM", Japan time); omitted or null for the centre's default. Set both or neither. */
  readonly opens?: string | null;
  readonly closes?: string | null;
  /** Whether 年末年始 (29 Dec – 3 Jan) closes it; default true. */
  readonly newYearClosure?: boolean;
  /** お知らせ shown with it in the menu. */
  readonly notices: readonly Localized[];
}

export interface Hours {
  /** "HH:MM", Japan time; `closes` may be "24:00". Open from `opens` until before `closes`, within one day. */
  readonly opens: string;
  readonly closes: string;
}

/** 休止日: a whole Japan-time day closed, e.g. a system migration day. */
export interface ClosureDate {
  readonly date: string;
  readonly reason: Localized;
}

export interface MaintenanceInput {
  /** One municipality, or null / omitted for every municipality. */
  readonly municipalityCode?: string | null;
  readonly startsAt: Date;
  /** Closed until before this instant. */
  readonly endsAt: Date;
  /** A short noun phrase: 「システムメンテナンス」, "system maintenance". */
  readonly reason: Localized;
}

export type SettingsErrorCode =
  | 'MUNICIPALITY_CODE_INVALID'
  | 'MUNICIPALITY_UNKNOWN'
  | 'TIME_INVALID'
  | 'HOURS_EMPTY'
  | 'DATE_INVALID'
  | 'WEEKDAY_INVALID'
  | 'WINDOW_INVALID'
  | 'TEXT_INVALID'
  | 'SETTINGS_INVALID'
  | 'NOT_FOUND';

export interface SettingsError {
  readonly code: SettingsErrorCode;
  /** For the person at the console; never applicant data (there is none here). */
  readonly detail: string;
}

export const settingsError = (code: SettingsErrorCode, detail: string): Result<never, SettingsError> =>
  err({ code, detail });

export const MAX_REASON_LENGTH = 200;
export const MAX_NOTICE_LENGTH = 400;
export const MAX_NOTICES = 5;
const VARIANTS: readonly Variant[] = ['domestic', 'overseas'];

export function checkCode(code: string): Result<string, SettingsError> {
  return /^[0-9]{6}$/.test(code)
    ? ok(code)
    : settingsError('MUNICIPALITY_CODE_INVALID', 'a municipality code is 6 digits');
}

export function checkHours(hours: Hours): Result<ClockHours, SettingsError> {
  const opens = parseClock(hours.opens);
  const closes = parseClock(hours.closes);
  if (opens === undefined || opens >= 24 * 60) return settingsError('TIME_INVALID', `opens "${hours.opens}"`);
  if (closes === undefined) return settingsError('TIME_INVALID', `closes "${hours.closes}"`);
  if (closes <= opens)
    return settingsError('HOURS_EMPTY', `closes ${hours.closes} is not after ${hours.opens}`);
  return ok({ opens, closes });
}

export function checkWeekday(weekday: number): Result<number, SettingsError> {
  return Number.isInteger(weekday) && weekday >= 0 && weekday <= 6
    ? ok(weekday)
    : settingsError('WEEKDAY_INVALID', 'a weekday is 0 (Sunday) to 6 (Saturday)');
}

export function checkDate(date: string): Result<string, SettingsError> {
  return parseJapanDate(date) === undefined
    ? settingsError('DATE_INVALID', `"${date}" is not a real YYYY-MM-DD date`)
    : ok(date);
}

export function checkText(text: Localized, what: string, max: number): Result<Localized, SettingsError> {
  for (const value of [text.ja, text.en]) {
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
      return settingsError('TEXT_INVALID', `${what} needs ja and en, each 1–${max} characters`);
    }
  }
  return ok({ ja: text.ja.trim(), en: text.en.trim() });
}

export function checkNotices(notices: readonly Localized[]): Result<Localized[], SettingsError> {
  if (notices.length > MAX_NOTICES) return settingsError('TEXT_INVALID', `at most ${MAX_NOTICES} notices`);
  const checked: Localized[] = [];
  for (const notice of notices) {
    const c = checkText(notice, 'a notice', MAX_NOTICE_LENGTH);
    if (!c.ok) return c;
    checked.push(c.value);
  }
  return ok(checked);
}

export function checkMaintenance(input: MaintenanceInput): Result<MaintenanceInput, SettingsError> {
  const code = input.municipalityCode ?? null;
  const checked = code === null ? ok(code) : checkCode(code);
  if (!checked.ok) return checked;
  const starts = input.startsAt.getTime();
  const ends = input.endsAt.getTime();
  if (Number.isNaN(starts) || Number.isNaN(ends))
    return settingsError('WINDOW_INVALID', 'not a valid instant');
  if (ends <= starts) return settingsError('WINDOW_INVALID', 'the window ends before it starts');
  const reason = checkText(input.reason, 'the reason', MAX_REASON_LENGTH);
  if (!reason.ok) return reason;
  return ok({ municipalityCode: code, startsAt: input.startsAt, endsAt: input.endsAt, reason: reason.value });
}

/** The whole settings of one municipality, as `upsert` stores them. */
export function checkSettings(s: MunicipalitySettings): Result<MunicipalitySettings, SettingsError> {
  const code = checkCode(s.code);
  if (!code.ok) return code;
  const name = checkText(s.name, 'the name', MAX_REASON_LENGTH);
  if (!name.ok) return name;
  if (s.variants.length === 0 || s.variants.some((v) => !VARIANTS.includes(v))) {
    return settingsError('SETTINGS_INVALID', 'variants are domestic and/or overseas');
  }
  if (!Number.isInteger(s.feeYen) || s.feeYen < 0) {
    return settingsError('SETTINGS_INVALID', 'the fee is a whole number of yen');
  }
  const own =
    s.opens == null && s.closes == null ? undefined : { opens: s.opens ?? '', closes: s.closes ?? '' };
  if (own) {
    const hours = checkHours(own);
    if (!hours.ok) return hours;
  }
  const notices = checkNotices(s.notices);
  if (!notices.ok) return notices;
  return ok({
    ...s,
    name: name.value,
    variants: [...new Set(s.variants)],
    opens: own?.opens ?? null,
    closes: own?.closes ?? null,
    newYearClosure: s.newYearClosure ?? true,
    notices: notices.value,
  });
}
