/**
 * Participation (参加自治体): who takes part, when each is open, what it offers. The menu and the issuance pipeline
 * both decide from here, so a kiosk is never offered what would be refused; the console sets it through the same API.
 */
import {
  ok,
  type ErrorCode,
  type Localized,
  type MenuMunicipality,
  type Result,
  type Variant,
} from '@kiosk/protocol';
import type { CenterDb } from '../db.js';
import { DAY_MS, isoJapan } from './hours.js';
import { MAINTENANCE_NOTICE_DAYS, maintenanceNotice } from './notices.js';
import {
  availability,
  closedReasonAt,
  lookaheadDays,
  nextOpening,
  type Availability,
  type MaintenanceWindow,
} from './rules.js';
import {
  checkCode,
  checkDate,
  checkHours,
  checkMaintenance,
  checkNotices,
  checkSettings,
  checkText,
  checkWeekday,
  MAX_REASON_LENGTH,
  settingsError,
  type ClosureDate,
  type Hours,
  type MaintenanceInput,
  type MunicipalitySettings,
  type SettingsError,
} from './settings.js';
import { participationStore, type WeekdayHours } from './store.js';

export type { Availability, ClosedReason } from './rules.js';
export type {
  ClosureDate,
  Hours,
  MaintenanceInput,
  MunicipalitySettings,
  SettingsError,
} from './settings.js';
export type { WeekdayHours } from './store.js';

export type ParticipationRefusal = Extract<
  ErrorCode,
  'MUNICIPALITY_NOT_PARTICIPATING' | 'MUNICIPALITY_CLOSED' | 'VARIANT_NOT_OFFERED'
>;

export interface MaintenanceView {
  readonly id: number;
  /** null: every municipality. */
  readonly municipalityCode: string | null;
  /** ISO 8601 with +09:00. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly reason: Localized;
}

/** Everything one municipality has set, for its console. */
export interface MunicipalityConfig {
  readonly settings: MunicipalitySettings;
  /** The centre's default hours, which apply while `settings.opens` is null. */
  readonly centreHours: Hours;
  /** Per weekday, 0 = Sunday: other hours or 'closed'; undefined where the usual hours apply. */
  readonly weekdays: readonly (WeekdayHours | undefined)[];
  readonly closures: readonly ClosureDate[];
  /** Its own windows and the centre-wide ones, by start. */
  readonly maintenance: readonly MaintenanceView[];
}

type Done = Result<void, SettingsError>;

export interface Participation {
  /** Every participating municipality: open now or why not and when next, variants, fee, notices. */
  menu(at: Date): MenuMunicipality[];
  /** The settings that apply to an issuance in this municipality now, or why there is none. */
  admit(code: string, variant: Variant, at: Date): Result<MunicipalitySettings, ParticipationRefusal>;
  /** For operators, why `admit` says MUNICIPALITY_CLOSED; undefined when it does not take part. */
  availability(code: string, at: Date): Availability | undefined;
  config(code: string): MunicipalityConfig | undefined;

  /** Registers a municipality or replaces its settings (closure dates, weekdays and maintenance stay). */
  upsert(settings: MunicipalitySettings): Done;
  join(code: string): Done;
  leave(code: string): Done;
  /** Its own hours, or null for the centre's default. */
  setHours(code: string, hours: Hours | null): Done;
  /** Hours for one weekday (0 = Sunday), 'closed' all that day, or null for the usual hours. */
  setWeekdayHours(code: string, weekday: number, hours: WeekdayHours | null): Done;
  setNewYearClosure(code: string, applies: boolean): Done;
  setNotices(code: string, notices: readonly Localized[]): Done;
  addClosureDate(code: string, closure: ClosureDate): Done;
  removeClosureDate(code: string, date: string): Done;
  addMaintenance(window: MaintenanceInput): Result<{ id: number }, SettingsError>;
  removeMaintenance(id: number): Done;
  /** The centre's default hours (06:30–23:00 unless changed). */
  setDefaultHours(hours: Hours): Done;
}

const DONE: Done = ok(undefined);
const unknown = (code: string) => settingsError('MUNICIPALITY_UNKNOWN', `no municipality ${code}`);

/** The windows that apply to one municipality (its own and the centre-wide ones), still by start. */
const windowsOf = (windows: readonly MaintenanceWindow[], code: string): MaintenanceWindow[] =>
  windows.filter((w) => w.municipalityCode === null || w.municipalityCode === code);

const viewOf = (w: MaintenanceWindow): MaintenanceView => ({
  id: w.id,
  municipalityCode: w.municipalityCode,
  startsAt: isoJapan(w.startsMs),
  endsAt: isoJapan(w.endsMs),
  reason: w.reason,
});

export function participation(db: CenterDb): Participation {
  const store = participationStore(db);
  // Notice texts depend on the window only; a reloaded snapshot brings new window objects.
  const noticeTexts = new WeakMap<MaintenanceWindow, Localized>();
  const noticeOf = (w: MaintenanceWindow): Localized => {
    let text = noticeTexts.get(w);
    if (!text) noticeTexts.set(w, (text = maintenanceNotice(w)));
    return text;
  };

  /** Runs `write` for a known municipality only. */
  const known = (code: string, write: () => unknown): Done => {
    const checked = checkCode(code);
    if (!checked.ok) return checked;
    if (!store.exists(code)) return unknown(code);
    write();
    return DONE;
  };

  return {
    menu(at) {
      const { participating, windows } = store.snapshot();
      const t = at.getTime();
      const days = lookaheadDays(t);
      const horizon = t + (days.length + 1) * DAY_MS;
      // Windows that can still matter; usually none, so most municipalities share one empty list.
      const centreWide: MaintenanceWindow[] = [];
      const own = new Map<string, MaintenanceWindow[]>();
      for (const w of windows) {
        if (w.endsMs <= t || w.startsMs >= horizon) continue;
        if (w.municipalityCode === null) centreWide.push(w);
        else if (own.has(w.municipalityCode)) own.get(w.municipalityCode)?.push(w);
        else own.set(w.municipalityCode, [w]);
      }
      const announceUntil = t + MAINTENANCE_NOTICE_DAYS * DAY_MS;
      // Most closed municipalities reopen at the same few instants: write each once per menu.
      const written = new Map<number, string>();
      const opensAtText = (ms: number): string => {
        let text = written.get(ms);
        if (text === undefined) written.set(ms, (text = isoJapan(ms)));
        return text;
      };
      return participating.map(({ settings: s, rules }) => {
        const mine = own.get(s.code);
        const applying = mine ? [...centreWide, ...mine].sort((a, b) => a.startsMs - b.startsMs) : centreWide;
        const notices = [...s.notices];
        for (const w of applying) if (w.startsMs <= announceUntil) notices.push(noticeOf(w));
        const entry: MenuMunicipality = {
          code: s.code,
          name: s.name,
          open: true,
          variants: [...s.variants],
          feeYen: s.feeYen,
          notices,
        };
        const reason = closedReasonAt(rules, applying, t, days[0]);
        if (reason) {
          entry.open = false;
          entry.closedReason = reason;
          const opensAt = nextOpening(rules, applying, t, days);
          if (opensAt !== undefined) entry.opensAt = opensAtText(opensAt);
        }
        return entry;
      });
    },

    admit(code, variant, at) {
      const { byCode, windows } = store.snapshot();
      const m = byCode.get(code);
      if (!m?.settings.participating) return { ok: false, error: 'MUNICIPALITY_NOT_PARTICIPATING' };
      if (closedReasonAt(m.rules, windowsOf(windows, code), at.getTime())) {
        return { ok: false, error: 'MUNICIPALITY_CLOSED' };
      }
      if (!m.settings.variants.includes(variant)) return { ok: false, error: 'VARIANT_NOT_OFFERED' };
      return ok(m.settings);
    },

    availability(code, at) {
      const { byCode, windows } = store.snapshot();
      const m = byCode.get(code);
      if (!m?.settings.participating) return undefined;
      return availability(m.rules, windowsOf(windows, code), at.getTime());
    },

    config(code) {
      const { byCode, windows, defaults } = store.snapshot();
      const m = byCode.get(code);
      if (!m) return undefined;
      const maintenance = windowsOf(windows, code).map(viewOf);
      return {
        settings: m.settings,
        centreHours: defaults,
        weekdays: m.weekdays,
        closures: m.closures,
        maintenance,
      };
    },

    upsert(settings) {
      const checked = checkSettings(settings);
      if (!checked.ok) return checked;
      store.upsert(checked.value);
      return DONE;
    },
    join: (code) => known(code, () => store.setParticipating(code, true)),
    leave: (code) => known(code, () => store.setParticipating(code, false)),
    setHours(code, hours) {
      const checked = hours === null ? DONE : checkHours(hours);
      if (!checked.ok) return checked;
      return known(code, () => store.setHours(code, hours));
    },
    setWeekdayHours(code, weekday, hours) {
      const day = checkWeekday(weekday);
      if (!day.ok) return day;
      const checked = hours === null || hours === 'closed' ? DONE : checkHours(hours);
      if (!checked.ok) return checked;
      return known(code, () => store.setWeekdayHours(code, weekday, hours));
    },
    setNewYearClosure: (code, applies) => known(code, () => store.setNewYearClosure(code, applies)),
    setNotices(code, notices) {
      const checked = checkNotices(notices);
      if (!checked.ok) return checked;
      return known(code, () => store.setNotices(code, checked.value));
    },
    addClosureDate(code, closure) {
      const date = checkDate(closure.date);
      if (!date.ok) return date;
      const reason = checkText(closure.reason, 'the reason', MAX_REASON_LENGTH);
      if (!reason.ok) return reason;
      return known(code, () => store.addClosure(code, { date: closure.date, reason: reason.value }));
    },
    removeClosureDate(code, date) {
      let removed = false;
      const done = known(code, () => (removed = store.removeClosure(code, date)));
      return !done.ok || removed ? done : settingsError('NOT_FOUND', `no closure on ${date}`);
    },
    addMaintenance(window) {
      const checked = checkMaintenance(window);
      if (!checked.ok) return checked;
      const { municipalityCode, startsAt, endsAt, reason } = checked.value;
      const code = municipalityCode ?? null;
      if (code !== null && !store.exists(code)) return unknown(code);
      return ok({ id: store.addMaintenance(code, startsAt, endsAt, reason) });
    },
    removeMaintenance(id) {
      return store.removeMaintenance(id) ? DONE : settingsError('NOT_FOUND', `no maintenance window ${id}`);
    },
    setDefaultHours(hours) {
      const checked = checkHours(hours);
      if (!checked.ok) return checked;
      store.setDefaultHours(hours);
      return DONE;
    },
  };
}
