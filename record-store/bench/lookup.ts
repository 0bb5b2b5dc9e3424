/**
 * Record-store lookup benchmark (DESIGN §10: p99 < 1 ms at 10 M residents). For each size it fills a temporary sqlite
 * file with synthetic residents, then times random lookups that hit and lookups that miss (valid My Numbers nobody
 * has). Run: npm run bench:record-store [-- --sizes 10000,1000000,10000000 --lookups 10000 --budget-min 5]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteRecordStore, type SqliteRecordStore } from '../src/store.js';
import { generateResidents, insertResidentsInBatches, syntheticMyNumber } from '../src/synthetic/index.js';
import { prng } from '../src/synthetic/prng.js';
import { summarize, table, type Timings } from './stats.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,1000000,10000000' },
    lookups: { type: 'string', default: '10000' },
    // A size whose estimated fill time (from the last size's insert rate) is over this is skipped, not run.
    'budget-min': { type: 'string', default: '5' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const lookups = Number(values.lookups);
const budgetMs = Number(values['budget-min']) * 60_000;
const CODES = ['131024', '131113', '122319', '011002', '271004', '401307', '231002', '141003'];
const SEED = 20210217;
const WARMUP = 1000;
// Enough page cache for the My Number index at 10 M residents; with sqlite's 2 MiB, inserts slow down past 1 M.
const CACHE_MB = 512;

interface Outcome {
  n: number;
  insertPerSec: number;
  fileMb: number;
  hit: Timings;
  miss: Timings;
}

async function timeLookups(store: SqliteRecordStore, n: number, hit: boolean): Promise<Timings> {
  const r = prng(hit ? 1 : 2);
  const samples: bigint[] = [];
  for (let k = 0; k < WARMUP + lookups; k++) {
    const i = hit ? r.int(n) : n + r.int(n);
    const code = CODES[i % CODES.length] as string;
    const myNumber = syntheticMyNumber(i, SEED);
    const t0 = process.hrtime.bigint();
    const result = await store.lookup(code, myNumber);
    const t1 = process.hrtime.bigint();
    if (result.ok !== hit) throw new Error(`lookup ${k} expected ${hit ? 'a hit' : 'a miss'}`);
    if (k >= WARMUP) samples.push(t1 - t0);
  }
  return summarize(samples);
}

async function run(n: number, dir: string): Promise<Outcome> {
  const file = join(dir, `residents-${n}.sqlite`);
  const store = openSqliteRecordStore({ file, masterKey: randomBytes(32), cacheMb: CACHE_MB });
  try {
    for (const code of CODES) store.addMunicipality({ code, name: { ja: code, en: code } });
    const t0 = performance.now();
    insertResidentsInBatches(store, generateResidents(n, { municipalityCodes: CODES, seed: SEED }), {
      onBatch: (done) => {
        if (done % 500_000 === 0) process.stderr.write(`  ${n}: ${done} inserted\n`);
      },
    });
    const insertMs = performance.now() - t0;
    const hit = await timeLookups(store, n, true);
    const miss = await timeLookups(store, n, false);
    const bytes = ['', '-wal'].reduce(
      (sum, s) => sum + (statSync(file + s, { throwIfNoEntry: false })?.size ?? 0),
      0,
    );
    return { n, insertPerSec: (n / insertMs) * 1000, fileMb: bytes / 2 ** 20, hit, miss };
  } finally {
    await store.close();
    rmSync(file, { force: true });
    rmSync(file + '-wal', { force: true });
    rmSync(file + '-shm', { force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'record-store-bench-'));
const cleanUp = () => rmSync(dir, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

const outcomes: Outcome[] = [];
const skipped: string[] = [];
try {
  for (const n of sizes) {
    const last = outcomes.at(-1);
    const estimateMs = last ? (n / last.insertPerSec) * 1000 : 0;
    if (estimateMs > budgetMs) {
      skipped.push(
        `${n.toLocaleString('en')}: skipped, filling it would take about ${Math.round(estimateMs / 60_000)} min ` +
          `at ${Math.round(last?.insertPerSec ?? 0).toLocaleString('en')} residents/s (over --budget-min ` +
          `${values['budget-min']}); raise --budget-min to run it`,
      );
      continue;
    }
    process.stderr.write(`filling ${n.toLocaleString('en')} residents…\n`);
    outcomes.push(await run(n, dir));
  }
} finally {
  cleanUp();
}

const ms = (x: number) => x.toFixed(3);
const row = (label: string, cell: (o: Outcome) => string): [string, ...string[]] => [
  label,
  ...outcomes.map(cell),
];
console.log(
  `\nrecord-store lookup, ${lookups.toLocaleString('en')} hits and misses per size (ms, after ${WARMUP} warm-up)\n`,
);
console.log(
  table(
    outcomes.map((o) => `${o.n.toLocaleString('en')} residents`),
    [
      row('insert (residents/s)', (o) => Math.round(o.insertPerSec).toLocaleString('en')),
      row('file size (MiB)', (o) => o.fileMb.toFixed(0)),
      row('hit  p50', (o) => ms(o.hit.p50)),
      row('hit  p99', (o) => ms(o.hit.p99)),
      row('hit  max', (o) => ms(o.hit.max)),
      row('miss p50', (o) => ms(o.miss.p50)),
      row('miss p99', (o) => ms(o.miss.p99)),
      row('miss max', (o) => ms(o.miss.max)),
    ],
  ),
);
for (const s of skipped) console.log(s);
