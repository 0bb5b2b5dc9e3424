/**
 * The automatic notice (お知らせ) of a maintenance window, in Japanese and English with the Japan-time range, so a
 * resident learns of it at the kiosk in the days before. Worded for any certificate kind.
 */
import type { Localized } from '@kiosk/protocol';
import { formatClock, japanDay, japanDayIndex, japanMinutes, type JapanDay } from './hours.js';
import type { MaintenanceWindow } from './rules.js';

/** Maintenance is announced from this long before it starts until it ends. */
export const MAINTENANCE_NOTICE_DAYS = 7;

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Moment {
  readonly day: JapanDay;
  readonly minutes: number;
}

const momentOf = (ms: number): Moment => ({ day: japanDay(japanDayIndex(ms)), minutes: japanMinutes(ms) });

/** An end at midnight reads as 24:00 of the day before ("1:00〜24:00"), as people say it. */
function endMomentOf(ms: number): Moment {
  const m = momentOf(ms);
  return m.minutes === 0 ? { day: japanDay(m.day.index - 1), minutes: 24 * 60 } : m;
}

const dayJa = (d: JapanDay) => `${d.month}月${d.day}日(${WEEKDAY_JA[d.weekday]})`;
const dayEn = (d: JapanDay) => `${WEEKDAY_EN[d.weekday]} ${d.day} ${MONTH_EN[d.month - 1]}`;
const clockJa = (minutes: number) => formatClock(minutes).replace(/^0/, '');

/** The reason is a short noun phrase: 「システムメンテナンス」, "system maintenance". */
export function maintenanceNotice(window: MaintenanceWindow): Localized {
  const from = momentOf(window.startsMs);
  const to = endMomentOf(window.endsMs);
  const sameDay = from.day.index === to.day.index;
  const rangeJa = sameDay
    ? `${dayJa(from.day)} ${clockJa(from.minutes)}〜${clockJa(to.minutes)}`
    : `${dayJa(from.day)} ${clockJa(from.minutes)}〜${dayJa(to.day)} ${clockJa(to.minutes)}`;
  const rangeEn = sameDay
    ? `from ${formatClock(from.minutes)} to ${formatClock(to.minutes)} on ${dayEn(from.day)}`
    : `from ${formatClock(from.minutes)} on ${dayEn(from.day)} to ${formatClock(to.minutes)} on ${dayEn(to.day)}`;
  return {
    ja: `${rangeJa}は、${window.reason.ja}のため証明書を交付できません。`,
    en: `Certificates cannot be issued ${rangeEn} (Japan time): ${window.reason.en.replace(/\.$/, '')}.`,
  };
}
