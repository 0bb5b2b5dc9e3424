/**
 * The agent's memory over many sessions: the agent as its own process with the simulated devices (demo mode,
 * autoPay, the simulated A4 printer writing into a temp paper tray), whole sessions back to back through its API,
 * and its resident set (VmRSS) read from /proc after every `sampleEvery` sessions, at idle. With the gc probe the
 * agent also runs a full collection at each sample and says what heap survived it, and heap snapshots after the
 * warm-up and at the end show which kinds of object grew. The tray is emptied at each sample, so that the disk
 * holds a bounded number of PDFs.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AgentClient } from './agent-client.js';
import { cpuAccount } from './cpu.js';
import { heapGrowth, type Growth } from './heap-diff.js';
import type { BenchOptions } from './options.js';
import type { NodeChild } from './processes.js';
import type { AgentChoice, BenchRig } from './rig.js';
import { residentFor, wholeSession } from './session.js';

const STEP_WITHIN_MS = 30_000;
/** Writing a heap snapshot takes a few seconds. */
const PROBE_WITHIN_MS = 60_000;

export interface RssSample {
  readonly sessions: number;
  /** VmRSS as the agent runs, in MB (10^6 bytes). */
  readonly rssMb: number;
  /** With the gc probe: the V8 heap in use after a full collection, in MB. */
  readonly heapAfterGcMb?: number;
}

export interface MemoryRun {
  readonly label: string;
  readonly choice: AgentChoice;
}

export interface MemoryOutcome extends MemoryRun {
  readonly samples: readonly RssSample[];
  /** The agent's peak resident set over the whole run (VmHWM). */
  readonly peakMb: number;
  readonly sessionsDone: number;
  readonly sessionsPerSecond: number;
  readonly certificatesPrinted: number;
  readonly stoppedEarly: string | undefined;
  readonly cpu: string;
  /** With the gc probe: object kinds that grew by about one a session or more from the warm-up to the end. */
  readonly grew?: { readonly sessions: number; readonly kinds: readonly Growth[] };
}

/** "About one a session": a kind gaining at least this many objects per session measured is listed. */
const GROWING_PER_SESSION = 0.5;

/** /proc gives KiB; the aim is in MB (10^6 bytes). */
const MB_PER_MIB = 1.048576;

function emptyTray(tray: string): number {
  let files: string[];
  try {
    files = readdirSync(tray);
  } catch {
    return 0;
  }
  for (const file of files) rmSync(join(tray, file), { force: true });
  return files.filter((f) => f.endsWith('.pdf')).length;
}

/** Sends the probe a command and waits for its answer line (never a sleep). */
function askProbe(agent: NodeChild, command: string, answer: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`the gc probe did not answer "${command}" within ${PROBE_WITHIN_MS} ms`));
    }, PROBE_WITHIN_MS);
    const off = agent.onLine((line) => {
      const found = answer.exec(line.text);
      if (!found) return;
      clearTimeout(timer);
      off();
      resolve(found);
    });
    agent.send(command);
  });
}

const heapAfterGc = async (agent: NodeChild): Promise<number> =>
  Number((await askProbe(agent, 'heap', /^\[gc-probe\] heapUsed=(\d+)$/))[1]) / 1e6;

async function snapshot(agent: NodeChild, file: string): Promise<string> {
  await askProbe(agent, `snapshot ${file}`, /^\[gc-probe\] snapshot written$/);
  return file;
}

export async function runMemory(
  rig: BenchRig,
  run: MemoryRun,
  opts: BenchOptions,
  deadline: number,
  progress: (message: string) => void,
): Promise<MemoryOutcome> {
  const agent = await rig.startAgent({ KIOSK_A4_PRINTER: 'simulated' }, run.choice);
  const client = new AgentClient(agent.url, STEP_WITHIN_MS);
  const rss = (): number => {
    const mib = agent.rssMib();
    if (mib === undefined) throw new Error(`the agent is gone:\n${agent.tail()}`);
    return mib * MB_PER_MIB;
  };
  const sample = async (sessions: number): Promise<RssSample> => {
    const rssMb = rss();
    if (!run.choice.gcProbe) return { sessions, rssMb };
    return { sessions, rssMb, heapAfterGcMb: await heapAfterGc(agent) };
  };
  const heapFile = (sessions: number): string => join(rig.dir, `agent-${sessions}.heapsnapshot`);
  let warmedUp: { sessions: number; file: string } | undefined;
  const samples: RssSample[] = [];
  let printed = 0;
  let done = 0;
  let stoppedEarly: string | undefined;
  const cpu = cpuAccount({ centre: rig.centre.pid, agent: agent.pid });
  const started = performance.now();
  try {
    await client.connect();
    samples.push(await sample(0));
    while (done < opts.sessions) {
      if (performance.now() > deadline) {
        stoppedEarly = `the deadline passed after ${done} sessions`;
        break;
      }
      await wholeSession(client, residentFor(done)).catch((error: Error) => {
        throw new Error(`session ${done + 1}: ${error.message}\nthe agent's last lines:\n${agent.tail()}`);
      });
      done++;
      if (done % opts.sampleEvery === 0) {
        samples.push(await sample(done));
        if (run.choice.gcProbe && done === opts.sampleEvery)
          warmedUp = { sessions: done, file: await snapshot(agent, heapFile(done)) };
        printed += emptyTray(rig.paperTray);
        progress(
          `${run.label}: ${done} of ${opts.sessions} sessions, RSS ${samples.at(-1)?.rssMb.toFixed(1)} MB`,
        );
      }
    }
    printed += emptyTray(rig.paperTray);
    let grew: MemoryOutcome['grew'];
    if (warmedUp && done > warmedUp.sessions) {
      const sessions = done - warmedUp.sessions;
      const end = await snapshot(agent, heapFile(done));
      grew = { sessions, kinds: heapGrowth(warmedUp.file, end, sessions * GROWING_PER_SESSION) };
      for (const file of [warmedUp.file, end]) rmSync(file, { force: true });
    }
    return {
      ...run,
      ...(grew ? { grew } : {}),
      samples,
      peakMb: (agent.peakRssMib() ?? NaN) * MB_PER_MIB,
      sessionsDone: done,
      sessionsPerSecond: done / ((performance.now() - started) / 1000),
      certificatesPrinted: printed,
      stoppedEarly,
      cpu: cpu.end(),
    };
  } finally {
    client.close();
    await agent.stop();
  }
}
