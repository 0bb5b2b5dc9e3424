/**
 * `npm run bench:kiosk`: DESIGN §10's kiosk aims with the real centre on loopback. Confirm → print job accepted by
 * CUPS (median and p95 over ≥ 50 sessions) and the agent's RSS over 1,000 whole sessions. Prints tables, asserts
 * nothing: figures depend on the machine. The centre, the agent and a private cupsd each run as their own process.
 */
import { startPrivateCupsd, type PrivateCupsd } from '../../printing/support/cupsd.js';
import { machineLine } from './cpu.js';
import { QUEUE, runLatency } from './latency.js';
import { runMemory, type MemoryOutcome, type MemoryRun } from './memory.js';
import { benchOptions, UsageError, type BenchOptions } from './options.js';
import { stopAllChildren } from './processes.js';
import * as report from './report.js';
import { startBenchRig, type BenchRig } from './rig.js';
import { PRINTABLE_RESIDENTS } from './session.js';

let opts: BenchOptions;
try {
  opts = benchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message.trim());
  process.exit(2);
}

const MEMORY_RUNS = [
  { label: 'built', choice: { how: 'built' } },
  { label: 'built, full GC', choice: { how: 'built', gcProbe: true } },
  { label: 'tsx', choice: { how: 'tsx' } },
] as const satisfies readonly MemoryRun[];

const say = (text: string): void => console.log(text);
const progress = (text: string): void => console.error(`… ${text}`);

let rig: BenchRig | undefined;
let cupsd: PrivateCupsd | undefined;

/** Stops the children and cupsd and removes the temp folders; on success, failure and Ctrl-C alike. */
let tearingDown: Promise<void> | undefined;
async function tearDown(): Promise<void> {
  tearingDown ??= (async () => {
    await rig?.close();
    await stopAllChildren();
    await cupsd?.stop();
  })();
  return tearingDown;
}
// `on`, not `once`: Ctrl-C reaches the bench twice (from the terminal and relayed by npm and tsx), and a second
// signal without a handler would end the process before its teardown.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => void tearDown().finally(() => process.exit(code)));
}

async function main(): Promise<void> {
  const deadline = performance.now() + opts.deadlineMs;
  const wants = (section: 'latency' | 'memory'): boolean => opts.sections.has(section);
  say(`Kiosk bench${opts.quick ? ' (--quick: short runs, a smoke check only)' : ''}`);
  say(`machine: ${machineLine()} at the start`);
  say(
    'setup: the centre (embedded record store, demo residents, composer on its worker threads) and the agent ' +
      'each in their own process on 127.0.0.1, the line over mutual TLS with signed requests; the agent with the ' +
      `simulated card reader and coin acceptor (demo mode, autoPay); ${PRINTABLE_RESIDENTS.length} demo ` +
      'residents take turns; one domestic copy per session.',
  );
  if (opts.agentNodeOptions) say(`agent processes started with NODE_OPTIONS=${opts.agentNodeOptions}`);
  progress('dev PKI and the centre');
  rig = await startBenchRig(opts.agentNodeOptions);
  const aims: report.Aim[] = [];

  if (wants('latency')) {
    progress('private cupsd with a cups-pdf queue');
    cupsd = await startPrivateCupsd();
    await cupsd.addPdfQueue(QUEUE);
    const latency = await runLatency(rig, cupsd, opts, deadline, progress);
    say(
      `\nConfirm → print job accepted by CUPS: ${latency.runs.length} sessions after ${latency.warmUp.length} ` +
        'not counted. The agent prints through a private cupsd (cups-pdf); "accepted" is its printer log line ' +
        'once lp returned the job id, read from its stdout. Times from the bench sending the confirm intent; ' +
        '"on paper" includes the wait for the driver\'s next look at the job (every 2 s by default).',
    );
    say(report.latencySection(latency));
    aims.push(...report.latencyAims(latency));
    await cupsd.stop();
    cupsd = undefined;
  }

  if (wants('memory')) {
    const outcomes: MemoryOutcome[] = [];
    for (const run of MEMORY_RUNS) {
      progress(`${opts.sessions} whole sessions: ${run.label}`);
      outcomes.push(await runMemory(rig, run, opts, deadline, progress));
    }
    say(
      `\nAgent memory: the agent's VmRSS after every ${opts.sampleEvery} whole sessions (start → card → PIN → ` +
        'choose → confirm → take card → acknowledge → idle), read at idle; simulated A4 printer into a temp paper ' +
        `tray; the first ${opts.sampleEvery} sessions are the warm-up. Three agents, one after the other: ` +
        `"${MEMORY_RUNS[0].label}" is the agent as a kiosk PC runs it (plain node on JavaScript built from the ` +
        `sources); "${MEMORY_RUNS[1].label}" is the same with a full GC before each reading (the bench's gc ` +
        "probe), so that garbage waiting for V8's next major collection does not pass for growth, and a heap " +
        'snapshot after the warm-up and at the end to name what grew; ' +
        `"${MEMORY_RUNS[2].label}" runs the sources under the tsx loader, whose own thread and caches count in ` +
        'its RSS (for comparison only).',
    );
    say(report.memorySection(outcomes));
    const [asRuns, probed] = MEMORY_RUNS.map((run) => outcomes.find((o) => o.label === run.label));
    aims.push(...report.memoryAims(asRuns, probed));
  }

  say('\nAims (DESIGN §10)');
  say(report.aimsSection(aims));
  say(`\nmachine at the end: ${machineLine()}`);
}

try {
  await main();
} finally {
  await tearDown();
}
