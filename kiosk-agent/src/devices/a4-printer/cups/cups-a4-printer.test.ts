// The CUPS printer's own logic against a scripted cupsd (lp and ipptool answers as the real ones print them) and
// a hand-run clock. The real cupsd, cups-pdf and fake backends are in tests/printing/.
import { err, ok } from '@kiosk/protocol';
import { describe, expect, it } from 'vitest';
import { CupsA4Printer } from './cups-a4-printer.js';
import type { CommandOptions, CommandRunner } from './run-command.js';
import type { Timers } from './timers.js';

type Job = { state: number; printerReasons?: string[] };

/** A cupsd as lp and ipptool see it. `advance` moves a job on each time it is looked at. */
class ScriptedCups {
  printer = { state: 3, reasons: ['none'], accepting: true };
  reachable = true;
  queueExists = true;
  lpError: string | undefined;
  readonly jobs = new Map<number, Job>();
  readonly submitted: { args: readonly string[]; input: CommandOptions['input']; server?: string }[] = [];
  readonly purged: number[] = [];
  advance: (job: Job) => void = () => {};
  private nextId = 41;

  readonly run: CommandRunner = async (program, args, options) => {
    if (!this.reachable)
      return ok({
        exitCode: 1,
        stdout: '',
        stderr: 'ipptool: Unable to connect to "x" on port 631 - No such file',
      });
    if (program === 'lp') {
      this.submitted.push({ args, input: options.input, server: options.env?.['CUPS_SERVER'] });
      if (this.lpError) return ok({ exitCode: 1, stdout: '', stderr: this.lpError });
      const id = ++this.nextId;
      this.jobs.set(id, { state: 3 });
      return ok({ exitCode: 0, stdout: `request id is a4-${id} (0 file(s))\n`, stderr: '' });
    }
    // ipptool runs as: sh -c '<printf … | ipptool …>' sh <request> <seconds> <uri>
    expect(program).toBe('sh');
    const request = args[3] ?? '';
    const operation = /OPERATION (\S+)/.exec(request)?.[1];
    const jobId = Number(/job-id (\d+)/.exec(request)?.[1]);
    const operationGroup = (message?: string) => ({
      'group-tag': 'operation-attributes-tag',
      'attributes-charset': 'utf-8',
      ...(message ? { 'status-message': message } : {}),
    });
    const answer = (exitCode: number, ...groups: object[]) =>
      ok({ exitCode, stdout: JSON.stringify(groups), stderr: '' });
    if (operation === 'Get-Printer-Attributes') {
      if (!this.queueExists) return answer(1, operationGroup('The printer or class does not exist.'));
      return answer(0, operationGroup(), {
        'group-tag': 'printer-attributes-tag',
        'printer-state': this.printer.state,
        'printer-state-reasons': this.printer.reasons,
        'printer-is-accepting-jobs': this.printer.accepting,
        'marker-names': 'Black',
        'marker-types': 'toner',
        'marker-levels': 9,
        'marker-low-levels': 10,
      });
    }
    const job = this.jobs.get(jobId);
    if (!job) return answer(0, operationGroup(`Job #${jobId} does not exist.`));
    if (operation === 'Cancel-Job') {
      this.purged.push(jobId);
      if (job.state >= 7) this.jobs.delete(jobId);
      else job.state = 7;
      return answer(0, operationGroup());
    }
    this.advance(job);
    const reasons = job.printerReasons ? { 'job-printer-state-reasons': job.printerReasons } : {};
    return answer(0, operationGroup(), {
      'group-tag': 'job-attributes-tag',
      'job-state': job.state,
      ...reasons,
    });
  };
}

/** Time moves only when the printer waits: each delay adds its length. */
function handClock(): Timers & { polling: boolean } {
  let now = 0;
  const clock = {
    polling: false,
    now: () => now,
    delay: async (ms: number) => {
      now += ms;
    },
    every: () => {
      clock.polling = true;
      return () => {
        clock.polling = false;
      };
    },
  };
  return clock;
}

function setUp(cups = new ScriptedCups()) {
  const log: string[] = [];
  const timers = handClock();
  const printer = new CupsA4Printer({
    queue: 'a4',
    server: '/run/cups/cups.sock',
    jobTimeoutMs: 10_000,
    pollIntervalMs: 500,
    run: cups.run,
    timers,
    log: (line) => log.push(line),
  });
  return { cups, printer, log, timers };
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
const job = { pdf: PDF, copies: 2, title: '131024-C-20261121-0001' };

describe('CupsA4Printer', () => {
  it('submits through lp on stdin, follows the job to completed, then purges it', async () => {
    const { cups, printer, log } = setUp();
    let looks = 0;
    cups.advance = (j) => {
      j.state = ++looks < 3 ? 5 : 9;
    };
    expect(await printer.print(job)).toEqual(ok(undefined));
    expect(cups.submitted).toEqual([
      { args: ['-d', 'a4', '-n', '2', '-t', job.title, '-'], input: PDF, server: '/run/cups/cups.sock' },
    ]);
    expect(cups.purged).toEqual([42]);
    expect(cups.jobs.size).toBe(0);
    expect(printer.status()).toEqual({ kind: 'ready' });
    expect(log.join('\n')).not.toContain(job.title);
  });

  it('fails with no_paper when the printer holds the job back out of paper; cancels, then purges it', async () => {
    const { cups, printer } = setUp();
    cups.advance = (j) => {
      if (j.state < 7) {
        j.state = 4;
        cups.printer.reasons = ['media-empty-error'];
      }
    };
    expect(await printer.print(job)).toEqual(err('no_paper'));
    expect(cups.purged).toEqual([42, 42]);
    expect(cups.jobs.size).toBe(0);
    expect(printer.status()).toEqual({ kind: 'no_paper' });
  });

  it('explains an aborted job by the reasons it stopped on', async () => {
    const { cups, printer } = setUp();
    cups.advance = (j) => {
      j.state = 8;
      j.printerReasons = ['media-jam-error'];
    };
    expect(await printer.print(job)).toEqual(err('jam'));
    expect(cups.jobs.size).toBe(0);
  });

  it('cancels and purges a job that does not finish in time', async () => {
    const { cups, printer, log } = setUp();
    cups.advance = (j) => {
      if (j.state < 7) j.state = 5;
    };
    expect(await printer.print(job)).toEqual(err('timeout'));
    expect(cups.jobs.size).toBe(0);
    expect(log.some((line) => line.includes('job 42 timed out'))).toBe(true);
  });

  it('does not take a job whose end cannot be read (cupsd kept no history) for printed', async () => {
    const { cups, printer, log } = setUp();
    cups.advance = () => cups.jobs.clear();
    expect(await printer.print(job)).toEqual(err('error'));
    expect(log.some((line) => line.includes('PreserveJobHistory'))).toBe(true);
  });

  it('does not submit to a printer without paper, a stopped queue or a queue refusing jobs', async () => {
    const { cups, printer } = setUp();
    cups.printer.reasons = ['media-empty-error'];
    expect(await printer.print(job)).toEqual(err('no_paper'));
    cups.printer = { state: 5, reasons: ['paused'], accepting: true };
    expect(await printer.print(job)).toEqual(err('offline'));
    expect(printer.status()).toEqual({ kind: 'offline' });
    cups.printer = { state: 3, reasons: ['none'], accepting: false };
    expect(await printer.print(job)).toEqual(err('offline'));
    expect(cups.submitted).toEqual([]);
  });

  it('answers offline when lp finds the queue not accepting jobs', async () => {
    const { cups, printer } = setUp();
    cups.lpError = 'lp: Destination "a4" is not accepting jobs.\n';
    expect(await printer.print(job)).toEqual(err('offline'));
  });

  it('is offline while cupsd cannot be reached, and names an unknown queue', async () => {
    const { cups, printer } = setUp();
    cups.reachable = false;
    expect(await printer.refresh()).toEqual({ kind: 'offline' });
    expect(await printer.print(job)).toEqual(err('offline'));
    cups.reachable = true;
    cups.queueExists = false;
    expect(await printer.refresh()).toEqual({
      kind: 'error',
      detail: 'CUPS: The printer or class does not exist.',
    });
  });

  it('reports toner levels while staying ready', async () => {
    const { cups, printer } = setUp();
    cups.printer.reasons = ['toner-low-report'];
    expect(await printer.refresh()).toEqual({ kind: 'ready' });
    expect(printer.supplies()).toEqual([
      { name: 'Black', type: 'toner', color: undefined, levelPercent: 9, low: true },
    ]);
  });

  it('stops polling on close, and refuses a job that is not one', async () => {
    const { printer, timers } = setUp();
    expect(timers.polling).toBe(true);
    expect(() => printer.print({ ...job, copies: 0 })).toThrow(RangeError);
    expect(() => printer.print({ ...job, pdf: new Uint8Array() })).toThrow(RangeError);
    await printer.close();
    expect(timers.polling).toBe(false);
  });
});
