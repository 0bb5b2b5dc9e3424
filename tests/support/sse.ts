/** A small client for the agent's event stream: resolves when a snapshot satisfies a condition. */
import type { AgentEvent, SessionSnapshot } from '@kiosk/protocol';

export class SnapshotStream {
  private latest: SessionSnapshot | undefined;
  private waiters: { test: (s: SessionSnapshot) => boolean; resolve: (s: SessionSnapshot) => void }[] = [];
  private readonly abort = new AbortController();

  constructor(url: string) {
    void this.read(url);
  }

  /** The first snapshot (the current one included) that passes `test`. */
  until(test: (s: SessionSnapshot) => boolean): Promise<SessionSnapshot> {
    if (this.latest && test(this.latest)) return Promise.resolve(this.latest);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  step(step: SessionSnapshot['screen']['step']): Promise<SessionSnapshot> {
    return this.until((s) => s.screen.step === step);
  }

  close(): void {
    this.abort.abort();
  }

  private async read(url: string): Promise<void> {
    const response = await fetch(url, { signal: this.abort.signal });
    if (!response.body) throw new Error('event stream has no body');
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) this.onEvent(JSON.parse(data.slice(6)) as AgentEvent);
        }
      }
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
    }
  }

  private onEvent(event: AgentEvent): void {
    if (event.type !== 'snapshot') return;
    this.latest = event.snapshot;
    const ready = this.waiters.filter((w) => w.test(event.snapshot));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(event.snapshot);
  }
}
