/**
 * Japan time (日本時間) for the participation rules: calendar days, "HH:MM" clock times, instants written with +09:00.
 * Japan has kept UTC+9 without daylight saving since 1951, so a fixed offset is exact, and cheap enough for the
 * menu that every kiosk asks for.
 */
const JST_OFFSET_MS = 9 * 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** One calendar day in Japan, numbered from 1970-01-01. */
export interface JapanDay {
  readonly index: number;
  /** The instant the day begins (00:00 Japan time), epoch milliseconds. */
  readonly startMs: number;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday (日曜日) … 6 = Saturday. */
  readonly weekday: number;
}

export const japanDayIndex = (ms: number): number => Math.floor((ms + JST_OFFSET_MS) / DAY_MS);

export function japanDay(index: number): JapanDay {
  const civil = new Date(index * DAY_MS);
  return {
    index,
    startMs: index * DAY_MS - JST_OFFSET_MS,
    date: civil.toISOString().slice(0, 10),
    month: civil.getUTCMonth() + 1,
    day: civil.getUTCDate(),
    weekday: civil.getUTCDay(),
  };
}

/** Minutes since the Japan-time midnight of the instant's day. */
export const japanMinutes = (ms: number): number =>
  Math.floor(((((ms + JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);

/** The Japan-time calendar date and clock of an instant (the pipeline dates certificates with it). */
export function tokyoTime(at: Date): { month: number; day: number; minutes: number; date: string } {
  const d = japanDay(japanDayIndex(at.getTime()));
  return { month: d.month, day: d.day, minutes: japanMinutes(at.getTime()), date: d.date };
}

/** 年末年始: kiosk issuance closes from 29 December to 3 January. */
export const isNewYearHoliday = (month: number, day: number): boolean =>
  (month === 12 && day >= 29) || (month === 1 && day <= 3);

/** "HH:MM" → minutes since midnight; "24:00" is allowed and means the end of the day. */
export function parseClock(hhmm: string): number | undefined {
  const m = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(hhmm);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A YYYY-MM-DD that names a real day, as its day index; undefined for 2026-02-30 and the like. */
export function parseJapanDate(date: string): number | undefined {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return undefined;
  return ms / DAY_MS;
}

/** ISO 8601 in Japan time, e.g. 2026-11-21T06:30:00+09:00 (milliseconds only when there are some). */
export function isoJapan(ms: number): string {
  const local = new Date(ms + JST_OFFSET_MS).toISOString();
  return `${ms % 1000 === 0 ? local.slice(0, 19) : local.slice(0, 23)}+09:00`;
}
