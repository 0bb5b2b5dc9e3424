/**
 * Confirm → print job accepted by CUPS. The agent runs as its own process printing to a queue of a private cupsd
 * (cups-pdf as paper). Each run walks a resident to the confirm screen, then times from the moment the bench sends
 * the confirm intent to the agent's printer log line "job N submitted", which the driver writes once `lp` has
 * returned the job id, read from the agent's stdout. For context the same clock marks the centre's certificate
 * arriving (the payment step on the event stream) and the job on paper (take_card, printed).
 */
import type { PrivateCupsd } from '../../printing/support/cupsd.js';
import { AgentClient } from './agent-client.js';
import { cpuAccount } from './cpu.js';
import type { BenchOptions } from './options.js';
import type { NodeChild } from './processes.js';
import type { BenchRig } from './rig.js';
import { finishSession, residentFor, walkToConfirm, watchAfterConfirm } from './session.js';

export const QUEUE = 'kiosk-a4';
const STEP_WITHIN_MS = 60_000;

export interface LatencyRun {
  /** confirm sent → the certificate arrived from the centre. */
  readonly certificateMs: number;
  /** confirm sent → lp returned the job id (the aim). */
  readonly acceptedMs: number;
  /** confirm sent → the job completed on paper and the receipt printed. */
  readonly onPaperMs: number;
}

export interface LatencyOutcome {
  readonly warmUp: readonly LatencyRun[];
  readonly runs: readonly LatencyRun[];
  /** Why fewer runs than asked were measured, if so. */
  readonly stoppedEarly: string | undefined;
  readonly jobsAccepted: number;
  readonly cpu: string;
}

/** The agent's next stdout line saying CUPS took a job; cancel() when the run fails before it. */
function nextJobAccepted(agent: NodeChild): { accepted: Promise<number>; cancel(): void } {
  const pattern = new RegExp(`a4 printer ${QUEUE}: job (\\d+) submitted`);
  let cancel = (): void => {};
  const accepted = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      cancel();
      reject(new Error(`the agent logged no accepted job within ${STEP_WITHIN_MS} ms`));
    }, STEP_WITHIN_MS);
    const off = agent.onLine((line) => {
      if (!pattern.test(line.text)) return;
      cancel();
      resolve(line.at);
    });
    cancel = () => {
      clearTimeout(timer);
      off();
    };
  });
  accepted.catch(() => undefined);
  return { accepted, cancel: () => cancel() };
}

async function oneRun(agent: NodeChild, client: AgentClient, session: number): Promise<LatencyRun> {
  await walkToConfirm(client, residentFor(session));
  const after = watchAfterConfirm(client);
  const job = nextJobAccepted(agent);
  const confirmed = performance.now();
  try {
    await client.intent({ type: 'confirm' });
    const [certificate, accepted, onPaper] = await Promise.all([
      after.certificate,
      job.accepted,
      after.onPaper,
    ]);
    await finishSession(client);
    return {
      certificateMs: certificate.at - confirmed,
      acceptedMs: accepted - confirmed,
      onPaperMs: onPaper.at - confirmed,
    };
  } finally {
    job.cancel();
  }
}

export async function runLatency(
  rig: BenchRig,
  cupsd: PrivateCupsd,
  opts: BenchOptions,
  deadline: number,
  progress: (message: string) => void,
): Promise<LatencyOutcome> {
  const agent = await rig.startAgent(
    { KIOSK_A4_PRINTER: `cups:${QUEUE}`, KIOSK_CUPS_SERVER: cupsd.socket },
    { how: 'tsx' },
  );
  const client = new AgentClient(agent.url, STEP_WITHIN_MS);
  let jobsAccepted = 0;
  const counting = agent.onLine((line) => {
    if (line.text.includes(`a4 printer ${QUEUE}: job`) && line.text.includes('submitted')) jobsAccepted++;
  });
  const warmUp: LatencyRun[] = [];
  const runs: LatencyRun[] = [];
  let stoppedEarly: string | undefined;
  const cpu = cpuAccount({ centre: rig.centre.pid, agent: agent.pid });
  try {
    await client.connect();
    for (let i = 0; i < opts.warmUpRuns + opts.runs; i++) {
      if (performance.now() > deadline) {
        stoppedEarly = `the deadline passed after ${runs.length} measured runs`;
        break;
      }
      const run = await oneRun(agent, client, i).catch((error: Error) => {
        throw new Error(`run ${i + 1}: ${error.message}\nthe agent's last lines:\n${agent.tail()}`);
      });
      (i < opts.warmUpRuns ? warmUp : runs).push(run);
      if ((i + 1) % 10 === 0) progress(`${i + 1} of ${opts.warmUpRuns + opts.runs} sessions printed`);
    }
    return { warmUp, runs, stoppedEarly, jobsAccepted, cpu: cpu.end() };
  } finally {
    counting();
    client.close();
    await agent.stop();
  }
}
