/**
 * Who used the CPU while a section ran, from Linux's /proc: the centre, the agent, and the whole machine (the bench
 * itself, cupsd and its filters, and anything else running, such as another benchmark). Figures on a busy machine
 * are not those of a quiet one; the report says which it was.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

let ticksPerSecond: number | undefined;
const ticks = (): number =>
  (ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);

/** utime + stime of a process (all its threads), from /proc/<pid>/stat fields 14 and 15. */
function processSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks();
  } catch {
    return undefined;
  }
}

/** Busy time of all cores together (user, nice, system, irq, softirq), from the first line of /proc/stat. */
function machineSeconds(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = [user, nice, system, irq, softirq].reduce<number>((sum, t) => sum + (t ?? NaN), 0);
    return Number.isFinite(busy) ? busy / ticks() : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a CPU account for the named processes; `end()` says what each took, in % of one core. */
export function cpuAccount(processes: Record<string, number>): { end(): string } {
  const startedAt = performance.now();
  const machine = machineSeconds();
  const each = Object.entries(processes).map(([name, pid]) => ({ name, pid, from: processSeconds(pid) }));
  return {
    end() {
      const seconds = (performance.now() - startedAt) / 1000;
      const pct = (from: number | undefined, to: number | undefined): string =>
        from === undefined || to === undefined || seconds === 0
          ? 'n/a'
          : `${Math.round(((to - from) / seconds) * 100)} %`;
      const parts = each.map((p) => `${p.name} ${pct(p.from, processSeconds(p.pid))}`);
      parts.push(`whole machine ${pct(machine, machineSeconds())} of ${cpus().length * 100} %`);
      return `CPU over ${seconds.toFixed(0)} s (100 % = one core): ${parts.join(', ')}`;
    },
  };
}

export const machineLine = (): string =>
  `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ` +
  `${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min)`;
