/** The kiosk bench's tables, and DESIGN §10's kiosk aims judged beside the figures. */
import { table } from '../../../record-store/bench/stats.js';
import type { LatencyOutcome, LatencyRun } from './latency.js';
import type { Growth } from './heap-diff.js';
import type { MemoryOutcome, RssSample } from './memory.js';

export interface Aim {
  readonly aim: string;
  readonly figure: string;
  readonly met: boolean;
}

type Row = [string, ...string[]];

const ACCEPTED_AIM_MS = 1_500;
const RSS_AIM_MB = 120;

const ms = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(0));
const mb = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
const signedMb = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export function latencySection(outcome: LatencyOutcome): string {
  const { runs } = outcome;
  if (runs.length === 0) return '  no run measured';
  const spread = (label: string, pick: (r: LatencyRun) => number): Row => {
    const values = runs.map(pick);
    const [min, median, p95, max] = [0, 0.5, 0.95, 1].map((q) => percentile(values, q));
    return [label, ms(min), ms(median), ms(p95), ms(max)];
  };
  const lines = [
    table(
      ['min', 'median', 'p95', 'max'],
      [
        spread('confirm → certificate from the centre (ms)', (r) => r.certificateMs),
        spread('confirm → job accepted by CUPS (ms)', (r) => r.acceptedMs),
        spread('  of which certificate → accepted (ms)', (r) => r.acceptedMs - r.certificateMs),
        spread('confirm → on paper, receipt out (ms)', (r) => r.onPaperMs),
      ],
    ),
  ];
  const cold = outcome.warmUp[0];
  if (cold)
    lines.push(
      `  not counted: the first ${outcome.warmUp.length} after the agent started; the very first (cold): ` +
        `certificate ${ms(cold.certificateMs)} ms, accepted ${ms(cold.acceptedMs)} ms, ` +
        `on paper ${ms(cold.onPaperMs)} ms`,
    );
  lines.push(
    `  jobs CUPS accepted: ${outcome.jobsAccepted} of ${outcome.warmUp.length + runs.length} sessions`,
    `  ${outcome.cpu}`,
  );
  if (outcome.stoppedEarly) lines.push(`  stopped early: ${outcome.stoppedEarly}`);
  return lines.join('\n');
}

export function latencyAims(outcome: LatencyOutcome): Aim[] {
  const accepted = outcome.runs.map((r) => r.acceptedMs);
  const few = outcome.runs.length < 50 ? ` (only ${outcome.runs.length} runs)` : '';
  const median = percentile(accepted, 0.5);
  const p95 = percentile(accepted, 0.95);
  return [
    {
      aim: 'confirm → print job accepted, median < 1.5 s',
      figure: `${ms(median)} ms${few}`,
      met: median < ACCEPTED_AIM_MS,
    },
    {
      aim: 'confirm → print job accepted, p95 < 1.5 s',
      figure: `${ms(p95)} ms${few}`,
      met: p95 < ACCEPTED_AIM_MS,
    },
  ];
}

/** The samples from the end of the warm-up (the first stretch) on. */
const afterWarmUp = (samples: readonly RssSample[]): readonly RssSample[] => samples.slice(1);

type Figure = (s: RssSample) => number | undefined;
const asItRuns: Figure = (s) => s.rssMb;
const heapAfterGc: Figure = (s) => s.heapAfterGcMb;

/** Least-squares slope of a figure over sessions, in MB per 1,000 sessions. */
function slopePerThousand(samples: readonly RssSample[], figure: Figure): number {
  const points = samples.flatMap((s) => {
    const y = figure(s);
    return y === undefined ? [] : [{ x: s.sessions, y }];
  });
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxy = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return (sxy / sxx) * 1000;
}

/** Last sample minus the first after the warm-up. */
function growth(samples: readonly RssSample[], figure: Figure): number {
  const steady = afterWarmUp(samples);
  const first = steady[0];
  const last = steady.at(-1);
  return (last ? (figure(last) ?? NaN) : NaN) - (first ? (figure(first) ?? NaN) : NaN);
}

/** The probed run's RSS is left out: writing a heap snapshot swells it. */
const figureOf = (o: MemoryOutcome): { name: string; figure: Figure } =>
  o.choice.gcProbe ? { name: 'heap after GC', figure: heapAfterGc } : { name: 'RSS', figure: asItRuns };

function summary(o: MemoryOutcome): string {
  const { name, figure } = figureOf(o);
  const at = (s: RssSample | undefined): string => mb(s && figure(s));
  const steady = afterWarmUp(o.samples);
  const peak = o.choice.gcProbe ? '' : `, peak (VmHWM) ${mb(o.peakMb)} MB`;
  return (
    `  ${o.label}: ${name} at start ${at(o.samples[0])} MB, after the warm-up ${at(steady[0])} MB, last ` +
    `${at(o.samples.at(-1))} MB${peak}; ${signedMb(growth(o.samples, figure))} MB after the warm-up (fitted ` +
    `${signedMb(slopePerThousand(steady, figure))} MB per 1,000 sessions)`
  );
}

/** One column per run (MB, change since the sample before), then a summary of each run. */
export function memorySection(outcomes: readonly MemoryOutcome[]): string {
  const longest = outcomes.reduce((a, b) => (b.samples.length > a.samples.length ? b : a));
  const rows = longest.samples.map((at, i): Row => [
    `after ${at.sessions.toLocaleString('en')} sessions`,
    ...outcomes.map((o) => {
      const { figure } = figureOf(o);
      const [now, before] = [o.samples[i], o.samples[i - 1]].map((s) => s && figure(s));
      if (now === undefined) return '–';
      return before === undefined ? mb(now) : `${mb(now)} (${signedMb(now - before)})`;
    }),
  ]);
  const columns = outcomes.map((o) => `${o.label}: ${figureOf(o).name} (MB)`);
  const lines = [table(columns, rows)];
  for (const o of outcomes) {
    lines.push(
      summary(o),
      `    ${o.sessionsDone.toLocaleString('en')} sessions at ${o.sessionsPerSecond.toFixed(1)}/s, ` +
        `${o.certificatesPrinted.toLocaleString('en')} certificates in the paper tray (emptied as it went); ${o.cpu}`,
    );
    if (o.grew)
      lines.push(
        `    heap snapshots after the warm-up and at the end, ${o.grew.sessions.toLocaleString('en')} sessions ` +
          `apart: object kinds gaining about one a session or more: ${describeGrowth(o.grew.kinds)}`,
      );
    if (o.stoppedEarly) lines.push(`    stopped early: ${o.stoppedEarly}`);
  }
  return lines.join('\n');
}

/** The kinds as `Date +900 (+43 kB)`, or "none". */
function describeGrowth(kinds: readonly Growth[]): string {
  if (kinds.length === 0) return 'none';
  const kb = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${Math.round(bytes / 1000)} kB`;
  return kinds.map((k) => `${k.kind} +${k.count.toLocaleString('en')} (${kb(k.bytes)})`).join(', ');
}

/** RSS as the built agent runs; growth from the heap snapshots of the probed one. */
export function memoryAims(asRuns: MemoryOutcome | undefined, probed: MemoryOutcome | undefined): Aim[] {
  const aims: Aim[] = [];
  if (asRuns) {
    const steady = afterWarmUp(asRuns.samples);
    const highest = Math.max(...steady.map((s) => s.rssMb));
    aims.push({
      aim: `agent RSS < ${RSS_AIM_MB} MB (${asRuns.label}, highest idle sample after warm-up)`,
      figure: steady.length > 0 ? `${mb(highest)} MB` : 'not reached',
      met: steady.length > 0 && highest < RSS_AIM_MB,
    });
  }
  if (probed) {
    const kinds = probed.grew?.kinds;
    const listed =
      kinds && kinds.length > 3 ? [...kinds.slice(0, 3).map((k) => k.kind), '…'] : kinds?.map((k) => k.kind);
    aims.push({
      aim: `agent memory does not grow (nothing kept per session, ${probed.sessionsDone.toLocaleString('en')} sessions)`,
      figure: listed ? (listed.length === 0 ? 'nothing' : listed.join(', ')) : 'not reached',
      met: kinds !== undefined && kinds.length === 0,
    });
  }
  return aims;
}

export function aimsSection(aims: readonly Aim[]): string {
  return table(
    ['figure', ''],
    aims.map((a): Row => [a.aim, a.figure, verdict(a.met)]),
  );
}
