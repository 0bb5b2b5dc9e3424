/**
 * The bench's hands on a running agent: its HTTP API as the UI and the demo dock call it, and its event stream
 * with each snapshot stamped on arrival, so that a step on screen is a point in time. Every wait is bounded: a
 * session that stalls or fails ends the bench's section with the agent's own words, never a hang.
 */
import { AGENT_PATHS, type AgentEvent, type SessionSnapshot } from '@kiosk/protocol';

export type Step = SessionSnapshot['screen']['step'];

export interface StampedSnapshot {
  readonly snapshot: SessionSnapshot;
  /** performance.now() when it arrived. */
  readonly at: number;
}

interface Waiter {
  readonly test: (s: SessionSnapshot) => boolean;
  readonly resolve: (s: StampedSnapshot) => void;
  readonly reject: (error: Error) => void;
}

/** Thrown when the session ends up somewhere the bench did not drive it to. */
export class SessionFailed extends Error {}

export class AgentClient {
  private readonly waiters = new Set<Waiter>();
  private readonly abort = new AbortController();
  private ended: Error | undefined;
  private latest: StampedSnapshot | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly stepWithinMs: number,
  ) {}

  /** Opens the event stream; resolves with the first snapshot. */
  async connect(): Promise<StampedSnapshot> {
    const first = this.next(() => true, 'the first snapshot');
    void this.read();
    return first;
  }

  async post(path: string, body: unknown = {}): Promise<void> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const step = this.latest?.snapshot.screen.step ?? 'unknown';
      throw new SessionFailed(`POST ${path} at ${step}: ${response.status} ${await response.text()}`);
    }
  }

  intent(body: { type: string } & Record<string, unknown>): Promise<void> {
    return this.post(AGENT_PATHS.intents, body);
  }

  /**
   * The next snapshot (after this call) that passes `test`. Register it before the request that leads there.
   * A `failed` screen on the way rejects it with the error code.
   */
  next(test: (s: SessionSnapshot) => boolean, what: string): Promise<StampedSnapshot> {
    const ended = this.ended;
    const waiting = new Promise<StampedSnapshot>((resolve, reject) => {
      if (ended) return reject(ended);
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const at = this.latest?.snapshot.screen.step ?? 'nothing';
        reject(new SessionFailed(`waited ${this.stepWithinMs} ms for ${what}; the agent shows ${at}`));
      }, this.stepWithinMs);
      const waiter: Waiter = {
        test,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
    // Whoever awaits it still sees a rejection; one left behind by a failed request must not end the bench.
    waiting.catch(() => undefined);
    return waiting;
  }

  step(step: Step): Promise<StampedSnapshot> {
    return this.next((s) => s.screen.step === step, `the ${step} step`);
  }

  close(): void {
    this.abort.abort();
  }

  private async read(): Promise<void> {
    try {
      const response = await fetch(new URL(AGENT_PATHS.events, this.baseUrl), { signal: this.abort.signal });
      if (!response.ok || !response.body) throw new Error(`event stream: ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        const at = performance.now();
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((l) => l.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          if (data) this.onEvent(JSON.parse(data.slice(6)) as AgentEvent, at);
        }
      }
      this.end(new SessionFailed('the agent closed its event stream'));
    } catch (error) {
      this.end(this.abort.signal.aborted ? new Error('event stream closed') : (error as Error));
    }
  }

  private onEvent(event: AgentEvent, at: number): void {
    if (event.type !== 'snapshot') return;
    const stamped = { snapshot: event.snapshot, at };
    this.latest = stamped;
    const screen = event.snapshot.screen;
    for (const waiter of [...this.waiters]) {
      if (waiter.test(event.snapshot)) {
        this.waiters.delete(waiter);
        waiter.resolve(stamped);
      } else if (screen.step === 'failed') {
        this.waiters.delete(waiter);
        const reason = 'reason' in screen && screen.reason ? ` (${screen.reason})` : '';
        waiter.reject(new SessionFailed(`the session failed: ${screen.code}${reason}`));
      }
    }
  }

  private end(error: Error): void {
    this.ended = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }
}
