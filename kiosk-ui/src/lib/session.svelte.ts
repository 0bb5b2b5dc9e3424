/**
 * The one reactive view of the agent's session: the latest snapshot, whether the stream is up, and a short-lived
 * notice when an intent was refused. Screens read it and call `send`; nothing here decides what may happen next.
 */
import type { Intent, Language, SessionSnapshot } from '@kiosk/protocol';
import { connectAgent, sendIntent } from './agent';
import { displayLanguage, translate, translateKey, type MessageKey, type MessageParams } from './i18n';

/** A short drop in the stream (agent restart) should not flash the "preparing" screen. */
const DISCONNECT_GRACE_MS = 1500;
const NOTICE_MS = 5000;
/** After an accepted intent, taps are ignored until the agent's next snapshot (or this long) so a double tap
 *  on the old screen does not send a second intent meant for a screen that is already gone. */
const SETTLE_MS = 1000;

class KioskSession {
  snapshot = $state<SessionSnapshot | null>(null);
  /** False while the stream is down for longer than the grace period. */
  online = $state(false);
  /** Message key of the last refused intent, shown briefly. */
  notice = $state<string | null>(null);
  /** Local clock, ticking only while an idle timeout runs. */
  now = $state(Date.now());

  #idleDeadline = $state<number | null>(null);
  #busy = false;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;

  /** The language the screen is shown in. */
  get language(): Language {
    return displayLanguage(this.snapshot?.language ?? 'ja');
  }

  get ready(): boolean {
    return this.online && this.snapshot !== null;
  }

  /** Whole seconds left before the idle timeout, when one is running. */
  get idleSecondsLeft(): number | null {
    if (this.#idleDeadline === null) return null;
    return Math.max(0, Math.ceil((this.#idleDeadline - this.now) / 1000));
  }

  /** Opens the event stream; returns the function that closes it. */
  start(): () => void {
    const stop = connectAgent({
      onSnapshot: (snapshot) => this.#receive(snapshot),
      onConnected: (connected) => this.#setConnected(connected),
    });
    return () => {
      stop();
      clearTimeout(this.#graceTimer);
      clearTimeout(this.#settleTimer);
      clearTimeout(this.#noticeTimer);
      clearInterval(this.#tick);
    };
  }

  /** Sends one intent unless another is still settling; a refusal shows the agent's message briefly. */
  async send(intent: Intent): Promise<boolean> {
    if (this.#busy) return false;
    this.#busy = true;
    const result = await sendIntent(intent);
    if (!result.ok) {
      this.#busy = false;
      this.showNotice(result.error);
      return false;
    }
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => (this.#busy = false), SETTLE_MS);
    return true;
  }

  showNotice(messageKey: string): void {
    this.notice = messageKey;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => (this.notice = null), NOTICE_MS);
  }

  #receive(snapshot: SessionSnapshot): void {
    const stepChanged = this.snapshot?.screen.step !== snapshot.screen.step;
    this.snapshot = snapshot;
    this.online = true;
    this.#busy = false;
    clearTimeout(this.#settleTimer);
    if (stepChanged) this.notice = null;
    this.#setIdleDeadline(snapshot.idleTimeoutSeconds);
  }

  #setConnected(connected: boolean): void {
    clearTimeout(this.#graceTimer);
    if (connected) return; // `online` turns true with the first snapshot on the new connection
    this.#graceTimer = setTimeout(() => (this.online = false), DISCONNECT_GRACE_MS);
  }

  #setIdleDeadline(seconds: number | undefined): void {
    clearInterval(this.#tick);
    if (seconds === undefined) {
      this.#idleDeadline = null;
      return;
    }
    this.now = Date.now();
    this.#idleDeadline = this.now + seconds * 1000;
    this.#tick = setInterval(() => (this.now = Date.now()), 250);
  }
}

export const session = new KioskSession();

/** Translates in the session's language; reactive wherever it is called from a template. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(session.language, key, params);
}

/** Translates a key sent by the agent, falling back to a generic message for a key this UI does not know. */
export function tAgent(key: string): string {
  return translateKey(session.language, key, 'common.errorGeneric');
}

export function send(intent: Intent): Promise<boolean> {
  return session.send(intent);
}
