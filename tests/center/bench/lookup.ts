/**
 * The record-store section: runs record-store/bench/lookup.ts (the record store's own benchmark) in a child
 * process, shows its table as it is, and reads the p99 rows back to judge the aim. The centre is stopped by then.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const LOOKUP_BENCH = fileURLToPath(new URL('../../../record-store/bench/lookup.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let running: ChildProcess | undefined;

/** Ctrl-C or a failure: SIGINT, on which the record-store bench removes its own temporary files. */
export function stopLookupBench(): void {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGINT');
}

export interface LookupSize {
  readonly residents: number;
  readonly hitP99: number;
  readonly missP99: number;
}

export interface LookupOutcome {
  /** The record-store bench's own table and notes. */
  readonly text: string;
  readonly sizes: readonly LookupSize[];
}

export async function runLookupBench(sizes: readonly number[], lookups: number): Promise<LookupOutcome> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      LOOKUP_BENCH,
      '--sizes',
      sizes.join(','),
      '--lookups',
      String(lookups),
      // The sizes were chosen on the command line: run them, however long filling takes.
      '--budget-min',
      '60',
    ],
    // Its progress lines (stderr) show as they come; its table (stdout) is kept.
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  running = child;
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`the record-store bench failed (${signal ?? `exit ${code}`})`);
  return { text: text.trim(), sizes: readP99s(text) };
}

/** The p99 rows of its table, per "N residents" column; empty if the table's shape has changed. */
function readP99s(text: string): LookupSize[] {
  const lines = text.split('\n');
  const header = lines.find((l) => /residents\s*$/.test(l)) ?? '';
  const residents = [...header.matchAll(/([\d,]+) residents/g)].map((m) => Number(m[1]?.replaceAll(',', '')));
  const row = (label: string): number[] =>
    (lines.find((l) => l.startsWith(label)) ?? '').slice(label.length).trim().split(/\s+/).map(Number);
  const hits = row('hit  p99');
  const misses = row('miss p99');
  return residents.flatMap((n, i) => {
    const hitP99 = hits[i];
    const missP99 = misses[i];
    return hitP99 !== undefined &&
      missP99 !== undefined &&
      Number.isFinite(hitP99) &&
      Number.isFinite(missP99)
      ? [{ residents: n, hitP99, missP99 }]
      : [];
  });
}
