/**
 * The kiosk bench's flags and their defaults. `--quick` shrinks both sections for a smoke run; a flag given
 * explicitly wins over both the defaults and `--quick`.
 */
import { parseArgs } from 'node:util';

export const SECTIONS = ['latency', 'memory'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  /** Measured confirm → CUPS runs (the aim asks for at least 50). */
  readonly runs: number;
  /** Sessions before the measured ones, reported apart: the first after the agent starts is a cold one. */
  readonly warmUpRuns: number;
  /** Whole sessions for the memory section. */
  readonly sessions: number;
  /** RSS is read after every this many sessions; the first such stretch is the warm-up. */
  readonly sampleEvery: number;
  /** The whole bench ends by then, each section reporting what it measured so far. */
  readonly deadlineMs: number;
  readonly sections: ReadonlySet<Section>;
  /** NODE_OPTIONS for the agent processes (V8 flags such as --max-semi-space-size), to see what they change. */
  readonly agentNodeOptions: string | undefined;
}

const USAGE = `npm run bench:kiosk -- [--quick] [--runs 60] [--sessions 1000] [--sample-every 100]
  [--deadline-minutes 40] [--sections ${SECTIONS.join(',')}] [--agent-node-options=--max-semi-space-size=2]`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nusage: ${USAGE}`);
  }
}

function whole(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new UsageError(`--${name} must be a whole number above 0`);
  return value;
}

/** How a kiosk PC starts the agent: node's young generation kept small (see kiosk-agent/README.md). */
export const KIOSK_AGENT_NODE_OPTIONS = '--max-semi-space-size=2';

export function benchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      sessions: { type: 'string' },
      'sample-every': { type: 'string' },
      'deadline-minutes': { type: 'string' },
      sections: { type: 'string', default: SECTIONS.join(',') },
      'agent-node-options': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  const quick = values.quick;
  const sections = new Set(values.sections.split(',') as Section[]);
  for (const section of sections) {
    if (!SECTIONS.includes(section)) throw new UsageError(`unknown section ${section}`);
  }
  const sampleEvery = whole('sample-every', values['sample-every'], quick ? 50 : 100);
  const sessions = whole('sessions', values.sessions, quick ? 200 : 1_000);
  if (sessions < 2 * sampleEvery)
    throw new UsageError('--sessions must cover the warm-up and at least one more --sample-every stretch');
  return {
    quick,
    runs: whole('runs', values.runs, quick ? 10 : 60),
    warmUpRuns: quick ? 1 : 3,
    sessions,
    sampleEvery,
    deadlineMs: whole('deadline-minutes', values['deadline-minutes'], quick ? 10 : 40) * 60_000,
    sections,
    // The kiosk runs the agent with this flag (kiosk-agent/README.md); `--agent-node-options=` measures without it.
    agentNodeOptions: values['agent-node-options'] ?? KIOSK_AGENT_NODE_OPTIONS,
  };
}
