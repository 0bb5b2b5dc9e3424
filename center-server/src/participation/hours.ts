/**
 * Opening hours in Japan time. Kiosk issuance runs 6:30–23:00 by default and closes over the new-year holidays
 * (29 Dec – 3 Jan), as the municipalities' kiosk services do.
 */
export interface OpeningHours {
  /** "HH:MM", Japan time. */
  readonly opens: string;
  readonly closes: string;
}

const tokyoParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function tokyoTime(at: Date): { month: number; day: number; minutes: number; date: string } {
  const parts = Object.fromEntries(tokyoParts.formatToParts(at).map((p) => [p.type, p.value]));
  const month = Number(parts['month']);
  const day = Number(parts['day']);
  return {
    month,
    day,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
  };
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export const isNewYearHoliday = (month: number, day: number): boolean =>
  (month === 12 && day >= 29) || (month === 1 && day <= 3);

export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const t = tokyoTime(at);
  if (isNewYearHoliday(t.month, t.day)) return false;
  return t.minutes >= minutesOf(hours.opens) && t.minutes < minutesOf(hours.closes);
}
