/**
 * The bench's sections: a few runs against a centre child, then their table and the aims of DESIGN §10 judged.
 * Every run notes the CPU the centre, this generator and the rest of the machine spent meanwhile.
 */
import { machineBusySeconds } from './cpu.js';
import type { CentreChild } from './centre-process.js';
import { percentiles, type RunRecord } from './latency.js';
import type { KioskFleet } from './load.js';
import type { BenchOptions } from './options.js';
import * as report from './report.js';

const HEARTBEATS_IN_FLIGHT_PER_KIOSK = 4; // the line client's sockets per kiosk
const NAIVE_IN_FLIGHT = 8;

export interface Bench {
  readonly opts: BenchOptions;
  readonly aims: report.Aim[];
  /** Every measured run, for the closing note on what else the machine was doing. */
  readonly runs: RunRecord[];
}

export const say = (line = ''): void => console.log(line);
export const progress = (line: string): void => void process.stderr.write(`… ${line}\n`);

async function measured(
  bench: Bench,
  centre: CentreChild,
  run: () => Promise<RunRecord>,
): Promise<RunRecord> {
  const centreBefore = centre.cpuSeconds();
  const mainBefore = centre.mainThreadCpuSeconds();
  const machineBefore = machineBusySeconds();
  const generatorBefore = process.cpuUsage();
  const record = await run();
  const centreAfter = centre.cpuSeconds();
  const mainAfter = centre.mainThreadCpuSeconds();
  const machineAfter = machineBusySeconds();
  const generator = process.cpuUsage(generatorBefore);
  const delta = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : b - a;
  record.centreCpuS = delta(centreBefore, centreAfter);
  record.centreMainThreadCpuS = delta(mainBefore, mainAfter);
  record.generatorCpuS = (generator.user + generator.system) / 1e6;
  const machine = delta(machineBefore, machineAfter);
  record.othersCpuS =
    machine === undefined || record.centreCpuS === undefined
      ? undefined
      : Math.max(0, machine - record.centreCpuS - record.generatorCpuS);
  bench.runs.push(record);
  return record;
}

export async function warmUp(bench: Bench, fleet: KioskFleet, rate: number): Promise<void> {
  progress(`warm-up: ${bench.opts.warmUpS} s at ${rate}/s`);
  await fleet.openLoop(rate, bench.opts.warmUpS);
}

/** Open loop at each offered rate, then closed loop with every kiosk issuing back to back. */
export async function issuanceSection(bench: Bench, centre: CentreChild, fleet: KioskFleet): Promise<void> {
  const { rates, durationS } = bench.opts;
  const open: RunRecord[] = [];
  for (const rate of rates) {
    progress(`open loop: ${rate}/s for ${durationS} s`);
    open.push(await measured(bench, centre, () => fleet.openLoop(rate, durationS)));
  }
  say(`\nIssuances, open loop: offered rate fixed, ${durationS} s each; latency from when each send was due`);
  say(report.openLoopSection(rates, open));
  const at150 = open[rates.indexOf(150)];
  if (at150) {
    const p99 = percentiles(at150.latency).p99;
    const figure = Number.isNaN(p99) ? 'none issued' : `${p99.toFixed(1)} ms`;
    bench.aims.push({ aim: 'issuance p99 < 100 ms at 150/s (open loop)', figure, met: p99 < 100 });
  }

  progress(`closed loop: ${fleet.size} kiosks back to back for ${durationS} s`);
  const closed = await measured(bench, centre, () => fleet.closedLoop(fleet.size, durationS));
  say(`\nIssuances, closed loop: every kiosk issues back to back (${fleet.size} in flight), ${durationS} s`);
  say(report.closedLoopSection('max', closed));
  bench.aims.push({
    aim: '≥ 300 complete certificates/s (closed loop)',
    figure: `${closed.completedPerSec.toFixed(0)}/s`,
    met: closed.completedPerSec >= 300,
  });
}

export async function heartbeatSection(bench: Bench, centre: CentreChild, fleet: KioskFleet): Promise<void> {
  const { durationS } = bench.opts;
  const perKiosk = HEARTBEATS_IN_FLIGHT_PER_KIOSK;
  // Every kiosk's connections are opened first, unmeasured: kiosks keep theirs open between heartbeats.
  progress(
    `heartbeats: ${fleet.size * perKiosk} in flight, ${bench.opts.warmUpS} s warm-up, then ${durationS} s`,
  );
  await fleet.heartbeats(perKiosk, bench.opts.warmUpS);
  const beats = await measured(bench, centre, () => fleet.heartbeats(perKiosk, durationS));
  say(`\nHeartbeats, closed loop: ${fleet.size} kiosks × ${perKiosk} in flight, ${durationS} s`);
  say(report.heartbeatSection('heartbeats', beats));
  bench.aims.push({
    aim: '≥ 5,000 heartbeats/s',
    figure: `${Math.round(beats.completedPerSec).toLocaleString('en')}/s`,
    met: beats.completedPerSec >= 5000,
  });
}

export interface PairOfRuns {
  readonly open: RunRecord;
  readonly closed: RunRecord;
}

/** The runs the naive pipeline is compared on: open loop at the naive rate, then a few in flight. */
export async function comparisonRuns(
  bench: Bench,
  centre: CentreChild,
  fleet: KioskFleet,
): Promise<PairOfRuns> {
  const { naiveRate, durationS } = bench.opts;
  progress(`side-by-side runs: ${naiveRate}/s for ${durationS} s, then ${NAIVE_IN_FLIGHT} in flight`);
  const open = await measured(bench, centre, () => fleet.openLoop(naiveRate, durationS));
  const closed = await measured(bench, centre, () => fleet.closedLoop(NAIVE_IN_FLIGHT, durationS));
  return { open, closed };
}

export function sideBySide(bench: Bench, composer: PairOfRuns, naive: PairOfRuns): void {
  say(`\nComposer against the naive pipeline (pdf-lib, fonts parsed per document), same centre otherwise`);
  say(
    report.sideBySideSection(
      bench.opts.naiveRate,
      bench.opts.composeWorkers,
      { composer: composer.open, naive: naive.open },
      { composer: composer.closed, naive: naive.closed },
    ),
  );
}

/** Says so when other work on the machine took CPU the centre could have had. */
export function contentionNote(bench: Bench): string | undefined {
  const shares = bench.runs.flatMap((r) =>
    r.othersCpuS === undefined || r.elapsedS === 0 ? [] : [r.othersCpuS / r.elapsedS],
  );
  const most = Math.max(0, ...shares);
  if (most < 0.25) return undefined;
  return (
    `Note: other processes on this machine used up to ${Math.round(most * 100)} % of a core during the runs ` +
    '("other CPU" rows). That CPU was not the centre\'s: the figures above understate it.'
  );
}
