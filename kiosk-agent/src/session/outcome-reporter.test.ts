// The outcome reporter: first try at once, bounded retries in the background on fake timers, bounded memory.
import { errorBody, type ErrorCode, type OutcomeRequest, type Result } from '@kiosk/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HealthCounters } from '../health/counters.js';
import type { LineError } from '../line/client.js';
import { OutcomeReporter } from './outcome-reporter.js';

const PRINTED: OutcomeRequest = { outcome: 'printed', receiptPrinted: true };

let calls: string[];
let answer: ErrorCode | 'ok' | 'hang';
let counters: HealthCounters;
let logged: string[];

const line = {
  outcome(certificateId: string): Promise<Result<unknown, LineError>> {
    calls.push(certificateId);
    if (answer === 'hang') return new Promise(() => {});
    if (answer === 'ok') return Promise.resolve({ ok: true, value: {} });
    return Promise.resolve({ ok: false, error: errorBody(answer).error });
  },
};

const reporter = (maxWaiting?: number) =>
  new OutcomeReporter({
    line,
    counters,
    log: (m) => logged.push(m),
    retryDelaysMs: [1_000, 5_000],
    ...(maxWaiting === undefined ? {} : { maxWaiting }),
  });

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  answer = 'ok';
  counters = new HealthCounters();
  logged = [];
});
afterEach(() => vi.useRealTimers());

describe('OutcomeReporter', () => {
  it('sends at once and never makes the caller wait, even when the line hangs', () => {
    answer = 'hang';
    const outcomes = reporter();
    expect(outcomes.report('131024-AAAAAAAA0001', PRINTED)).toBeUndefined();
    expect(calls).toEqual(['131024-AAAAAAAA0001']);
  });

  it('retries an unreachable line after each delay, then gives up and counts it', async () => {
    answer = 'LINE_UNREACHABLE';
    const outcomes = reporter();
    outcomes.report('131024-AAAAAAAA0001', PRINTED);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    expect(outcomes.waitingCount()).toBe(0);
    expect(counters.snapshot().outcomes_undelivered).toBe(1);
    expect(logged).toEqual(['outcome for 131024-AAAAAAAA0001 not delivered: LINE_UNREACHABLE']);
  });

  it('stops retrying as soon as the centre takes it', async () => {
    answer = 'LINE_UNREACHABLE';
    const outcomes = reporter();
    outcomes.report('131024-AAAAAAAA0001', PRINTED);
    await Promise.resolve();
    answer = 'ok';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    expect(counters.snapshot().outcomes_undelivered).toBe(0);
  });

  it('does not retry what the centre refused for good', async () => {
    answer = 'ISSUANCE_ALREADY_FINAL';
    reporter().report('131024-AAAAAAAA0001', PRINTED);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(counters.snapshot().outcomes_undelivered).toBe(1);
  });

  it('keeps only a bounded number waiting: the oldest is given up first', async () => {
    answer = 'LINE_UNREACHABLE';
    const outcomes = reporter(2);
    for (const id of ['131024-AAAAAAAA0001', '131024-AAAAAAAA0002', '131024-AAAAAAAA0003'])
      outcomes.report(id, PRINTED);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes.waitingCount()).toBe(2);
    expect(logged).toEqual(['outcome for 131024-AAAAAAAA0001 not delivered: too many waiting']);
  });

  it('drops its retries when stopped', async () => {
    answer = 'LINE_UNREACHABLE';
    const outcomes = reporter();
    outcomes.report('131024-AAAAAAAA0001', PRINTED);
    await vi.advanceTimersByTimeAsync(0);
    outcomes.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(outcomes.waitingCount()).toBe(0);
  });
});
