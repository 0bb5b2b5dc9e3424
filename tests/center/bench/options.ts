/**
 * The bench's flags and their defaults. `--quick` shrinks everything for a smoke run; a flag given explicitly wins
 * over both the defaults and `--quick`.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly quick: boolean;
  /** Offered issuance rates of the open-loop runs, per second. */
  readonly rates: readonly number[];
  /** Seconds each measured run lasts. */
  readonly durationS: number;
  readonly warmUpS: number;
  readonly kiosks: number;
  /** Synthetic residents in the centre's record store. */
  readonly residents: number;
  /** Distinct cards the kiosks present, drawn from the residents a certificate can be printed for. */
  readonly cards: number;
  /** Offered rate for the naive composer and the side-by-side run of the real one. */
  readonly naiveRate: number;
  /** Sizes of the record-store lookup section. */
  readonly lookupSizes: readonly number[];
  readonly lookups: number;
  /** Folder for CPU profiles of the centre children (`--cpu-prof`), or undefined. */
  readonly cpuProfDir: string | undefined;
  /** The centre's compose worker threads: CENTER_COMPOSE_WORKERS, else the shipped default (cores − 1, ≥ 1). */
  readonly composeWorkers: number;
  /** Which sections run; all by default, fewer to profile one of them alone. */
  readonly sections: ReadonlySet<Section>;
}

export const SECTIONS = ['issuance', 'heartbeats', 'naive', 'lookup'] as const;
export type Section = (typeof SECTIONS)[number];

const USAGE = `npm run bench:center -- [--quick] [--rates 50,150,300,400] [--duration 10] [--kiosks 50]
  [--residents 100000] [--cards 2000] [--naive-rate 5] [--ten-million] [--cpu-prof <dir>]
  [--sections ${SECTIONS.join(',')}]
The centre's compose worker threads come from CENTER_COMPOSE_WORKERS, as for the centre itself.`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number`);
  return value;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\nusage: ${USAGE}`);
  }
}

/** The centre's own default (center-server/src/main.ts): one composing thread per core. */
function composeWorkers(set: string | undefined): number {
  if (!set) return availableParallelism();
  const workers = Number(set);
  if (!Number.isInteger(workers) || workers < 0) {
    throw new UsageError(
      'CENTER_COMPOSE_WORKERS needs a whole number of threads (0: the main thread composes)',
    );
  }
  return workers;
}

export function benchOptions(argv: readonly string[], env = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      rates: { type: 'string' },
      duration: { type: 'string' },
      kiosks: { type: 'string' },
      residents: { type: 'string' },
      cards: { type: 'string' },
      'naive-rate': { type: 'string' },
      'ten-million': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      sections: { type: 'string', default: SECTIONS.join(',') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  const quick = values.quick;
  const rates = (values.rates ?? (quick ? '50,150' : '50,150,300,400')).split(',').map((r) => {
    const rate = Number(r);
    if (!Number.isFinite(rate) || rate <= 0)
      throw new UsageError('--rates takes positive numbers, e.g. 50,150');
    return rate;
  });
  const sections = new Set(values.sections.split(',') as Section[]);
  for (const section of sections) {
    if (!SECTIONS.includes(section)) throw new UsageError(`unknown section ${section}`);
  }
  const lookupSizes = quick ? [10_000] : [10_000, 1_000_000];
  if (values['ten-million']) lookupSizes.push(10_000_000);
  return {
    quick,
    rates,
    durationS: positive('duration', values.duration, quick ? 2 : 10),
    warmUpS: quick ? 1 : 3,
    kiosks: Math.round(positive('kiosks', values.kiosks, quick ? 10 : 50)),
    residents: Math.round(positive('residents', values.residents, quick ? 10_000 : 100_000)),
    cards: Math.round(positive('cards', values.cards, quick ? 200 : 2_000)),
    naiveRate: positive('naive-rate', values['naive-rate'], 5),
    lookupSizes,
    lookups: quick ? 2_000 : 10_000,
    cpuProfDir: values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']),
    composeWorkers: composeWorkers(env['CENTER_COMPOSE_WORKERS']),
    sections,
  };
}
