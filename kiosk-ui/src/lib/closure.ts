/**
 * Why a municipality is closed and when it reopens (受付時間外・年末年始・休止日・メンテナンス), in the resident's
 * language. Times are the centre's, in Japan time: the kiosk's own time zone never enters.
 */
import type { Language, MenuChoice } from '@kiosk/protocol';
import { displayLanguage, translate, type MessageKey } from './i18n';

export type ClosedReason = NonNullable<MenuChoice['closedReason']>;

const REASON_KEYS: Readonly<Record<ClosedReason, MessageKey>> = {
  hours: 'closed.hours',
  new_year: 'closed.newYear',
  closure_date: 'closed.closureDate',
  maintenance: 'closed.maintenance',
};

/** Japanese reads 11月21日(土) 6:30, English Sat 21 Nov, 06:30: each language's own Intl fields fill its template. */
const DATE_FIELDS: Readonly<Record<'ja' | 'en', { locale: string; options: Intl.DateTimeFormatOptions }>> = {
  ja: { locale: 'ja-JP', options: { month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric' } },
  en: { locale: 'en-GB', options: { month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit' } },
};

/** When the municipality opens, e.g. "11月21日(土) 6:30"; null for a time that is not a valid ISO string. */
export function formatOpensAt(iso: string, language: Language): string | null {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return null;
  const shown = displayLanguage(language) === 'ja' ? 'ja' : 'en';
  const { locale, options } = DATE_FIELDS[shown];
  const parts = new Intl.DateTimeFormat(locale, {
    ...options,
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tokyo',
  }).formatToParts(when);
  const field = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';
  return translate(language, 'closed.date', {
    month: field('month'),
    day: field('day'),
    weekday: field('weekday'),
    hour: field('hour'),
    minute: field('minute'),
  });
}

/** The line shown on a closed municipality: the reason, then when it opens if the centre said. */
export function closedMessage(
  choice: Pick<MenuChoice, 'closedReason' | 'opensAt'>,
  language: Language,
): string {
  const reason = translate(
    language,
    choice.closedReason ? REASON_KEYS[choice.closedReason] : 'closed.unknown',
  );
  const when = choice.opensAt === undefined ? null : formatOpensAt(choice.opensAt, language);
  if (when === null) return reason;
  return translate(language, 'closed.withOpening', {
    reason,
    opens: translate(language, 'closed.opensAt', { when }),
  });
}
