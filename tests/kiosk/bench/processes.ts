/**
 * The bench's children: the centre and the kiosk agents, each Node itself (with tsx as a loader for sources, plain
 * for the built agent), configured by environment as in production. Their stdout lines arrive timestamped (the
 * agent's printer log says when CUPS accepted a job); every child is tracked so that teardown, Ctrl-C and even an
 * abrupt exit of the bench stop them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STOP_BOUND_MS = 15_000;
/** Each child still running, with how to stop it. */
const running = new Map<ChildProcess, () => Promise<void>>();

// Last resort when the bench itself dies without its teardown: no child may outlive it.
process.on('exit', () => {
  for (const child of running.keys()) child.kill('SIGKILL');
});

export interface StampedLine {
  readonly text: string;
  /** performance.now() in the bench when the line arrived. */
  readonly at: number;
}

export interface NodeChild {
  readonly pid: number;
  /** What the child announced it listens on. */
  readonly url: string;
  /** Calls `listener` with each later stdout line; returns the unsubscribe. */
  onLine(listener: (line: StampedLine) => void): () => void;
  /** The last lines it wrote (stdout and stderr), for an error message. */
  tail(): string;
  /** Writes one line to its stdin (a pipe, open while it runs). */
  send(line: string): void;
  /** The child's resident set (VmRSS) in MiB, or undefined once it has gone. */
  rssMib(): number | undefined;
  /** Its peak resident set (VmHWM) in MiB. */
  peakRssMib(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts Node with `args` (flags and script, paths from the repository root) and resolves once a stdout line
 * matches `ready` (its first group is the URL); rejects if the child ends first or `readyWithinMs` pass. Node
 * itself is the child (never the tsx CLI, which would put a process between): the pid and its RSS are the service's.
 */
export async function startNodeChild(opts: {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly ready: RegExp;
  readonly readyWithinMs: number;
}): Promise<NodeChild> {
  const child = spawn(process.execPath, [...opts.args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', LANG: 'C', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(
    () => undefined,
    () => undefined,
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // A child that does not close within the bound is killed outright: teardown must end.
    const bound = setTimeout(() => child.kill('SIGKILL'), STOP_BOUND_MS);
    await exited;
    clearTimeout(bound);
  };
  // A line sent as the child dies must not take the bench with it.
  child.stdin.on('error', () => undefined);
  running.set(child, stop);
  void exited.then(() => running.delete(child));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${opts.name} did not start`);

  const recent: string[] = [];
  const listeners = new Set<(line: StampedLine) => void>();
  const keep = (text: string): void => {
    recent.push(text);
    if (recent.length > 40) recent.shift();
  };
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = { text, at: performance.now() };
    keep(text);
    for (const listener of listeners) listener(line);
  });
  createInterface({ input: child.stderr }).on('line', keep);
  const tail = (): string => recent.join('\n');

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${opts.name} did not announce itself in time:\n${tail()}`)),
        opts.readyWithinMs,
      );
      listeners.add((line) => {
        const found = opts.ready.exec(line.text)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${opts.name} ended before it was ready:\n${tail()}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  listeners.clear();

  return {
    pid,
    url,
    onLine(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tail,
    send: (line) => void child.stdin.write(`${line}\n`),
    rssMib: () => statusMib(pid, 'VmRSS'),
    peakRssMib: () => statusMib(pid, 'VmHWM'),
    stop,
  };
}

/** Stops every child still running; for teardown, Ctrl-C and failures. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running.values()].map((stop) => stop()));
}

/** A `Vm…: <n> kB` field of /proc/<pid>/status, in MiB. */
function statusMib(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
