/**
 * CPU seconds from Linux's /proc: one process's (all its threads) and the whole machine's busy time, so that each
 * run can say what the centre, the generator and everything else on the machine took. Undefined without /proc.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function ticks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/**
 * utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15); with `mainThreadOnly`, of its main thread
 * (the task whose id is the pid), which in Node runs the event loop.
 */
export function processCpuSeconds(pid: number, mainThreadOnly = false): number | undefined {
  try {
    const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks();
  } catch {
    return undefined;
  }
}

/** Busy time of all cores together (user, nice, system, irq, softirq), from the first line of /proc/stat. */
export function machineBusySeconds(): number | undefined {
  try {
    const [user, nice, system, , , irq, softirq] = (
      readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? ''
    )
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const busy = [user, nice, system, irq, softirq].reduce<number>((sum, t) => sum + (t ?? NaN), 0);
    return Number.isFinite(busy) ? busy / ticks() : undefined;
  } catch {
    return undefined;
  }
}
