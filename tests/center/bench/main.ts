/**
 * `npm run bench:center`: simulated kiosks against the real centre over loopback (HTTPS, mutual TLS, signed
 * requests), for DESIGN §10's aims. Prints tables, asserts nothing: figures depend on the machine. The centre runs
 * in its own process; the generator shares the same cores, and each table says how much of them it took.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevPki } from '@kiosk/certs';
import { buildCardPool, type CardPool } from './card-pool.js';
import { fillRecordStore, startCentreChild, stopAllChildren, type CentreChild } from './centre-process.js';
import { KioskFleet } from './load.js';
import { runLookupBench, stopLookupBench } from './lookup.js';
import { benchOptions, UsageError, type BenchOptions, type Section } from './options.js';
import { summarizeProfiles } from './profile.js';
import * as report from './report.js';
import * as section from './sections.js';
import { progress, say } from './sections.js';

let opts: BenchOptions;
try {
  opts = benchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message.trim());
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'centre-bench-'));
const certsDir = join(dir, 'certs');
const recordStoreFile = join(dir, 'record-store.sqlite');
const fleets = new Set<KioskFleet>();
let tornDown = false;

/** Stops whatever is still running and removes the temporary folder; also on Ctrl-C and on failure. */
async function tearDown(): Promise<void> {
  if (tornDown) return;
  tornDown = true;
  for (const fleet of fleets) fleet.close();
  stopLookupBench();
  await stopAllChildren();
  rmSync(dir, { recursive: true, force: true });
}
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => void tearDown().finally(() => process.exit(code)));
}

const bench: section.Bench = { opts, aims: [], runs: [] };
const wants = (name: Section): boolean => opts.sections.has(name);

async function setUp(): Promise<CardPool> {
  progress(`dev PKI with ${opts.kiosks} kiosk certificates`);
  await generateDevPki({ dir: certsDir, kiosks: opts.kiosks, log: () => {} });
  progress(`filling the record store with ${opts.residents.toLocaleString('en')} residents, building cards`);
  const filling = fillRecordStore(certsDir, recordStoreFile, opts.residents);
  const pool = buildCardPool(certsDir, opts.residents, opts.cards);
  const filled = await filling;
  say(
    `setup: ${filled.residents.toLocaleString('en')} synthetic residents in the 3 demo municipalities ` +
      `(filled in ${(filled.ms / 1000).toFixed(1)} s, in parallel with the cards); ` +
      `${pool.cards.length.toLocaleString('en')} virtual cards (EF 0001–0004 signed by the dev card issuer) ` +
      `built in ${(pool.buildMs / 1000).toFixed(1)} s; ${opts.kiosks} kiosks, each with its own client ` +
      `certificate and keep-alive connections; domestic certificates, each followed by its \`printed\` outcome.`,
  );
  return pool;
}

/** Starts a centre child with kiosks on it, runs `work`, and stops both. */
async function withCentre<T>(
  issuer: 'composer' | 'naive',
  pool: CardPool,
  work: (centre: CentreChild, fleet: KioskFleet) => Promise<T>,
): Promise<T> {
  progress(`starting the centre (${issuer})`);
  const profileDir = opts.cpuProfDir && join(opts.cpuProfDir, `centre-${issuer}`);
  // The bench's own subfolder: profiles of an earlier run would be summed with this one's.
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  const centre = await startCentreChild({
    certsDir,
    recordStoreFile,
    dbFile: join(dir, `centre-${issuer}.sqlite`),
    issuer,
    composeWorkers: opts.composeWorkers,
    cpuProfDir: profileDir,
  });
  const fleet = new KioskFleet(centre.url, certsDir, opts.kiosks, pool.cards);
  fleets.add(fleet);
  try {
    return await work(centre, fleet);
  } finally {
    fleet.close();
    fleets.delete(fleet);
    await centre.stop();
  }
}

async function main(): Promise<void> {
  say(`Centre load bench${opts.quick ? ' (--quick: short runs, a smoke check only)' : ''}`);
  say(
    `machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ` +
      `${loadavg()[0]?.toFixed(2)} at the start. The centre runs in its own process, but the load generator ` +
      `shares these ${cpus().length} cores with it: the "generator CPU" rows show what it took from the centre, ` +
      `"other CPU" what anything else on the machine took (100 % = one core).`,
  );
  say(
    `centre: certificates composed on ${report.threadCount(opts.composeWorkers, 'worker')} beside the main ` +
      'thread (CENTER_COMPOSE_WORKERS; 0 = in the main thread), record store embedded.',
  );

  const profiled: ('composer' | 'naive')[] = [];
  if (wants('issuance') || wants('heartbeats') || wants('naive')) {
    const pool = await setUp();
    // The centre as it ships: the composer with its fonts parsed once.
    const composer = await withCentre('composer', pool, async (centre, fleet) => {
      await section.warmUp(bench, fleet, 50);
      if (wants('issuance')) await section.issuanceSection(bench, centre, fleet);
      if (wants('heartbeats')) await section.heartbeatSection(bench, centre, fleet);
      return wants('naive') ? section.comparisonRuns(bench, centre, fleet) : undefined;
    });
    profiled.push('composer');
    // The same centre with the naive document issuer, for the side-by-side.
    if (composer) {
      const naive = await withCentre('naive', pool, async (centre, fleet) => {
        await section.warmUp(bench, fleet, opts.naiveRate);
        return section.comparisonRuns(bench, centre, fleet);
      });
      profiled.push('naive');
      section.sideBySide(bench, composer, naive);
    }
  }

  if (opts.cpuProfDir) {
    for (const issuer of profiled) {
      const { main, workers } = summarizeProfiles(join(opts.cpuProfDir, `centre-${issuer}`));
      say(`\n${report.profileSection(`${issuer} centre's main thread`, main)}`);
      if (workers) say(`\n${report.profileSection(`${issuer} centre's other threads`, workers)}`);
    }
  }

  if (wants('lookup')) {
    const sizes = opts.lookupSizes.map((n) => n.toLocaleString('en')).join(', ');
    progress(`record-store lookups at ${sizes} residents`);
    const lookups = await runLookupBench(opts.lookupSizes, opts.lookups);
    say(`\nRecord-store lookup (record-store/bench/lookup.ts; the aim is p99 < 1 ms at 10 M residents)`);
    say(report.lookupSection(lookups));
    bench.aims.push(...report.lookupAims(lookups));
    if (!opts.lookupSizes.includes(10_000_000)) say('  10,000,000 residents: run with --ten-million');
  }

  say(`\nAims (DESIGN §10, on 2 cores; this machine has ${cpus().length})`);
  say(report.aimsSection(bench.aims));
  const note = section.contentionNote(bench);
  if (note) say(`\n${note}`);
}

try {
  await main();
} finally {
  await tearDown();
}
