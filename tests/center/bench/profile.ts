/**
 * Where the centre spent its time, from the V8 profiles `--cpu-prof` wrote: self time summed by area (a package,
 * a file of this repository, node's internals) and by function, as shares of the samples that were not idle.
 * A native frame (a sqlite step, a signature, a socket write) is charged to the JavaScript that called it, since
 * "native" alone says nothing about which part of the centre it served. Waiting inside such a call (an fsync)
 * counts too: the profiler samples the thread, not the CPU.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface ProfileSummary {
  /** Seconds of samples that were not idle. */
  readonly busyS: number;
  readonly byArea: readonly (readonly [string, number])[];
  readonly byFunction: readonly (readonly [string, number])[];
}

const REPO_URL = new URL('../../../', import.meta.url).href;

/** A package under node_modules, a file of this repository, or node itself. */
function areaOf(url: string): string {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith(REPO_URL)) return url.slice(REPO_URL.length);
  return url.replace(/^node:internal\//, 'node:');
}

/** Hits by area and by function, over one or more profiles. */
interface Tally {
  readonly areas: Map<string, number>;
  readonly functions: Map<string, number>;
  busy: number;
  busyS: number;
}

const newTally = (): Tally => ({ areas: new Map(), functions: new Map(), busy: 0, busyS: 0 });

function tally(profile: CpuProfile, into: Tally): void {
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  /** The nearest frame (itself or a caller) that has a script, for charging native frames. */
  const scripted = (node: ProfileNode): ProfileNode | undefined => {
    for (let n: ProfileNode | undefined = node; n; n = parent.get(n.id)) if (n.callFrame.url) return n;
    return undefined;
  };
  const add = (m: Map<string, number>, key: string, hits: number) => m.set(key, (m.get(key) ?? 0) + hits);
  let total = 0;
  let busy = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    if (hits === 0 || functionName === '(idle)') continue;
    busy += hits;
    if (functionName.startsWith('(')) {
      // (garbage collector), (program): V8's own buckets.
      add(into.areas, functionName, hits);
      add(into.functions, functionName, hits);
      continue;
    }
    const owner = scripted(node);
    const area = owner ? areaOf(owner.callFrame.url) : 'native, no script caller';
    add(into.areas, area, hits);
    const name = functionName || '(anonymous)';
    add(
      into.functions,
      url ? `${name} ${areaOf(url)}:${lineNumber + 1}` : `${name} (native, from ${area})`,
      hits,
    );
  }
  into.busy += busy;
  if (total > 0) into.busyS += ((profile.endTime - profile.startTime) / 1e6) * (busy / total);
}

function summaryOf(t: Tally, top: number): ProfileSummary {
  const shares = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, hits]) => [key, hits / Math.max(1, t.busy)] as const);
  return { busyS: t.busyS, byArea: shares(t.areas), byFunction: shares(t.functions) };
}

/**
 * The centre's main thread (thread id 0 in the file name Node gives a profile) apart from its other threads
 * together: the compose workers and the module loader.
 */
export function summarizeProfiles(
  dir: string,
  top = 14,
): { main: ProfileSummary; workers: ProfileSummary | undefined } {
  const main = newTally();
  const workers = newTally();
  let found = false;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    // CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile
    const isMain = file.split('.').at(-3) === '0';
    found ||= isMain;
    tally(profile, isMain ? main : workers);
  }
  if (!found) throw new Error(`no CPU profile of the main thread in ${dir}`);
  return { main: summaryOf(main, top), workers: workers.busy > 0 ? summaryOf(workers, top) : undefined };
}
