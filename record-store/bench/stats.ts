/** Percentiles and the side-by-side table the benchmark prints. */

export interface Timings {
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of durations in nanoseconds, returned in milliseconds. */
export function summarize(samplesNs: bigint[]): Timings {
  const sorted = [...samplesNs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = (p: number) =>
    Number(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0n) / 1e6;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** Rows of label + one cell per column, padded into a plain-text table. */
export function table(columns: string[], rows: [string, ...string[]][]): string {
  const all = [['', ...columns], ...rows];
  const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length))) ?? [];
  return all
    .map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
}
