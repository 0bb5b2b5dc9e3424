/**
 * The bench's side of the centre child (centre-runner.ts): start it with tsx and the source condition, wait for
 * its one JSON line (never a sleep), read its CPU time, and stop it. Every child started here is tracked
 * so that the bench can stop all of them on Ctrl-C or on a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds } from './cpu.js';

const RUNNER = fileURLToPath(new URL('./centre-runner.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const running = new Set<ChildProcess>();

export interface CentreChild {
  readonly url: string;
  /** CPU seconds (user + system, all threads) the centre has used so far; undefined where /proc is missing. */
  cpuSeconds(): number | undefined;
  /** The same for its main thread alone: the event loop, where TLS, the line's checks and sqlite run. */
  mainThreadCpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

function startRunner(args: readonly string[], nodeFlags: readonly string[] = []): ChildProcess {
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--conditions=source', '--import', 'tsx', RUNNER, ...args],
    // stdin stays an open pipe: the runner stops when it closes, so it cannot outlive a bench killed outright.
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** The child's first line on stdout, parsed; rejected if the child ends before it says anything. */
function firstJsonLine(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('centre runner has no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line) as Record<string, unknown>);
      } catch {
        reject(new Error(`centre runner printed something other than JSON: ${line.slice(0, 200)}`));
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`centre runner ended (${signal ?? `exit ${code}`}) before it was ready`)),
    );
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  // A centre that does not close within this bound is killed outright: teardown must end.
  const bound = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(bound);
}

/** Stops every child still running; for Ctrl-C and failures. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map(stopChild));
}

export async function fillRecordStore(
  certsDir: string,
  recordStoreFile: string,
  residents: number,
): Promise<{ residents: number; ms: number }> {
  const child = startRunner([
    '--mode',
    'fill',
    '--certs-dir',
    certsDir,
    '--record-store',
    recordStoreFile,
    '--residents',
    String(residents),
  ]);
  const exited = once(child, 'exit');
  const said = await firstJsonLine(child);
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`filling the record store failed (exit ${code})`);
  return { residents: Number(said['residents']), ms: Number(said['ms']) };
}

export async function startCentreChild(opts: {
  certsDir: string;
  recordStoreFile: string;
  dbFile: string;
  issuer: 'composer' | 'naive';
  /** Threads composing certificates beside the main thread (the composer only). */
  composeWorkers: number;
  /** A folder for V8 CPU profiles of this centre, written when it stops. */
  cpuProfDir?: string | undefined;
}): Promise<CentreChild> {
  // Node writes one profile per thread (the main one and tsx's loader), named by pid and thread id.
  const flags = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = startRunner(
    [
      '--mode',
      'serve',
      '--certs-dir',
      opts.certsDir,
      '--record-store',
      opts.recordStoreFile,
      '--db',
      opts.dbFile,
      '--issuer',
      opts.issuer,
      '--compose-workers',
      String(opts.composeWorkers),
    ],
    flags,
  );
  let said: Record<string, unknown>;
  try {
    said = await firstJsonLine(child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const url = said['url'];
  if (typeof url !== 'string' || !url.startsWith('https://127.0.0.1:')) {
    await stopChild(child);
    throw new Error(`centre runner announced no loopback URL: ${JSON.stringify(said)}`);
  }
  const pid = child.pid;
  return {
    url,
    cpuSeconds: () => (pid === undefined ? undefined : processCpuSeconds(pid)),
    mainThreadCpuSeconds: () => (pid === undefined ? undefined : processCpuSeconds(pid, true)),
    stop: () => stopChild(child),
  };
}
