/** The clock the CUPS printer runs on, passed in so a test of its logic can run it by hand. */

export interface Timers {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Resolves after `ms`: the pause between two looks at a job. */
  delay(ms: number): Promise<void>;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemTimers: Timers = {
  now: () => performance.now(),
  delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    // Status polling alone must not keep the agent's process alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};
