/** The bench's tables: one per section, figures in columns, and the aims of DESIGN §10 judged beside them. */
import { table } from '../../../record-store/bench/stats.js';
import { percentiles, type RunRecord } from './latency.js';
import type { LookupOutcome } from './lookup.js';
import type { ProfileSummary } from './profile.js';

export interface Aim {
  readonly aim: string;
  readonly figure: string;
  readonly met: boolean;
}

export const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');
const whole = (x: number): string => Math.round(x).toLocaleString('en');
const share = (cpuS: number | undefined, r: RunRecord): string =>
  cpuS === undefined || r.elapsedS === 0 ? 'n/a' : `${whole((cpuS / r.elapsedS) * 100)} %`;

type Row = [string, ...string[]];

export const threadCount = (n: number, what: string): string => `${n} ${what} thread${n === 1 ? '' : 's'}`;

/** Rows for runs of issuances (PDF + `printed`), one column each. */
function issuanceRows(runs: readonly RunRecord[]): Row[] {
  const row = (label: string, cell: (r: RunRecord) => string): Row => [label, ...runs.map(cell)];
  const p = (r: RunRecord) => percentiles(r.latency);
  return [
    row('complete certificates/s', (r) => r.completedPerSec.toFixed(1)),
    row('completed', (r) => whole(r.completed)),
    row('errors', (r) => whole(r.errorCount)),
    row('issuance p50 (ms)', (r) => ms(p(r).p50)),
    row('issuance p95 (ms)', (r) => ms(p(r).p95)),
    row('issuance p99 (ms)', (r) => ms(p(r).p99)),
    row('issuance max (ms)', (r) => ms(p(r).max)),
    row('+ printed p99 (ms)', (r) => ms(percentiles(r.complete).p99)),
    row('centre CPU', (r) => share(r.centreCpuS, r)),
    row('  of which main thread', (r) => share(r.centreMainThreadCpuS, r)),
    row('centre CPU ms/certificate', (r) => ms(cpuMsPerCompleted(r, r.centreCpuS))),
    row('  of which main thread', (r) => ms(cpuMsPerCompleted(r, r.centreMainThreadCpuS))),
    row('generator CPU', (r) => share(r.generatorCpuS, r)),
    row('generator CPU ms/certificate', (r) => ms(cpuMsPerCompleted(r, r.generatorCpuS))),
    row('other CPU', (r) => share(r.othersCpuS, r)),
  ];
}

const cpuMsPerCompleted = (r: RunRecord, cpuS: number | undefined): number =>
  cpuS === undefined || r.completed === 0 ? NaN : (cpuS * 1000) / r.completed;

function errorNotes(labels: readonly string[], runs: readonly RunRecord[]): string {
  return runs
    .flatMap((r, i) =>
      r.errors.size === 0
        ? []
        : [`  errors at ${labels[i]}: ${[...r.errors].map(([code, n]) => `${code} ×${n}`).join(', ')}`],
    )
    .join('\n');
}

export function openLoopSection(rates: readonly number[], runs: readonly RunRecord[]): string {
  const labels = rates.map((r) => `${r}/s`);
  const lag = runs.map((r) => percentiles(r.sendLag).p99);
  return [
    table(labels, [...issuanceRows(runs), ['generator send lag p99 (ms)', ...lag.map(ms)] as Row]),
    errorNotes(labels, runs),
  ]
    .filter(Boolean)
    .join('\n');
}

export function closedLoopSection(label: string, run: RunRecord): string {
  return [table([label], issuanceRows([run])), errorNotes([label], [run])].filter(Boolean).join('\n');
}

export function heartbeatSection(label: string, run: RunRecord): string {
  const p = percentiles(run.latency);
  return [
    table(
      [label],
      [
        ['heartbeats/s', whole(run.completedPerSec)],
        ['answered', whole(run.completed)],
        ['errors', whole(run.errorCount)],
        ['p50 (ms)', ms(p.p50)],
        ['p95 (ms)', ms(p.p95)],
        ['p99 (ms)', ms(p.p99)],
        ['max (ms)', ms(p.max)],
        ['centre CPU', share(run.centreCpuS, run)],
        ['centre CPU ms/heartbeat', cpuMsPerCompleted(run, run.centreCpuS).toFixed(2)],
        ['generator CPU', share(run.generatorCpuS, run)],
        ['generator CPU ms/heartbeat', cpuMsPerCompleted(run, run.generatorCpuS).toFixed(2)],
        ['other CPU', share(run.othersCpuS, run)],
      ],
    ),
    errorNotes([label], [run]),
  ]
    .filter(Boolean)
    .join('\n');
}

export function sideBySideSection(
  rate: number,
  composeWorkers: number,
  open: { composer: RunRecord; naive: RunRecord },
  closed: { composer: RunRecord; naive: RunRecord },
): string {
  const threads = composeWorkers === 0 ? 'main thread' : threadCount(composeWorkers, 'compose');
  const columns = [`composer (fonts once, ${threads})`, 'naive (fonts per document, main thread)'];
  const both = (
    label: string,
    cell: (r: RunRecord) => string,
    runs: { composer: RunRecord; naive: RunRecord },
  ) => [label, cell(runs.composer), cell(runs.naive)] as Row;
  const p = (r: RunRecord) => percentiles(r.latency);
  const ratio = closed.composer.completedPerSec / Math.max(closed.naive.completedPerSec, Number.EPSILON);
  return [
    table(columns, [
      both(`open loop ${rate}/s: certificates/s`, (r) => r.completedPerSec.toFixed(1), open),
      both(`open loop ${rate}/s: issuance p50 (ms)`, (r) => ms(p(r).p50), open),
      both(`open loop ${rate}/s: issuance p99 (ms)`, (r) => ms(p(r).p99), open),
      both('closed loop: certificates/s', (r) => r.completedPerSec.toFixed(1), closed),
      both('closed loop: centre CPU ms/certificate', (r) => ms(cpuMsPerCompleted(r, r.centreCpuS)), closed),
      [
        'errors (both runs)',
        whole(open.composer.errorCount + closed.composer.errorCount),
        whole(open.naive.errorCount + closed.naive.errorCount),
      ],
    ]),
    `  the composer completes ${ratio.toFixed(1)}× as many certificates per second as the naive pipeline`,
  ].join('\n');
}

export function lookupSection(outcome: LookupOutcome): string {
  return outcome.text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export function lookupAims(outcome: LookupOutcome): Aim[] {
  return outcome.sizes.map((s) => {
    const worst = Math.max(s.hitP99, s.missP99);
    return {
      aim: `record-store lookup p99 < 1 ms at ${whole(s.residents)} residents`,
      figure: `${worst.toFixed(3)} ms`,
      met: worst < 1,
    };
  });
}

export function profileSection(label: string, summary: ProfileSummary): string {
  const lines = (entries: ProfileSummary['byArea']): string[] =>
    entries.map(([name, fraction]) => `  ${(fraction * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `where the ${label} spent its time (whole run, ${summary.busyS.toFixed(1)} s not idle), ` +
      'self time by area:',
    ...lines(summary.byArea),
    'by function:',
    ...lines(summary.byFunction),
  ].join('\n');
}

export function aimsSection(aims: readonly Aim[]): string {
  return table(
    ['figure', ''],
    aims.map((a): Row => [a.aim, a.figure, verdict(a.met)]),
  );
}
