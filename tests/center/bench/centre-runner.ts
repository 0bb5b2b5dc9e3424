/**
 * The centre under load, in a process of its own so that its CPU is measured apart from the load generator's.
 * `--mode fill` writes the synthetic residents into the record store's file and exits; `--mode serve` runs the real
 * centre on that file and prints `{"url": …}` as one JSON line once it listens. Stops on SIGTERM/SIGINT, or when
 * the bench that started it goes away (its stdin pipe closes).
 */
import { parseArgs } from 'node:util';
import { readRecordStoreMasterKey } from '@kiosk/certs';
import { startCenter } from '@kiosk/center-server';
import { insertResidentsInBatches, openSqliteRecordStore } from '@kiosk/record-store';
import { DEMO_MUNICIPALITIES } from '@kiosk/record-store/demo';
import { naiveDocumentIssuer } from './naive-issuer.js';
import { syntheticResidents } from './population.js';

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    'certs-dir': { type: 'string' },
    'record-store': { type: 'string' },
    residents: { type: 'string', default: '0' },
    db: { type: 'string' },
    issuer: { type: 'string', default: 'composer' },
    'compose-workers': { type: 'string', default: '0' },
  },
});

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`centre-runner needs --${name}`);
  return value;
}

const certsDir = required('certs-dir', values['certs-dir']);
const recordStoreFile = required('record-store', values['record-store']);

/** A Japan-time weekday morning: every demo municipality is open, whenever the bench runs. */
const OPEN_HOURS = new Date('2026-11-20T10:00:00+09:00').getTime();
/** Far above what the bench sends, so the per-kiosk limit never answers instead of the centre. */
const UNLIMITED_PER_MINUTE = 100_000_000;

if (values.mode === 'fill') {
  const started = performance.now();
  const store = openSqliteRecordStore({
    file: recordStoreFile,
    masterKey: readRecordStoreMasterKey(certsDir),
    cacheMb: 256,
  });
  for (const m of DEMO_MUNICIPALITIES) store.addMunicipality({ code: m.code, name: m.name });
  const residents = insertResidentsInBatches(store, syntheticResidents(Number(values.residents)));
  await store.close();
  console.log(JSON.stringify({ residents, ms: Math.round(performance.now() - started) }));
} else if (values.mode === 'serve') {
  const issuer = values.issuer;
  if (issuer !== 'composer' && issuer !== 'naive') throw new Error(`unknown --issuer ${issuer}`);
  const center = await startCenter({
    host: '127.0.0.1',
    port: 0,
    dbFile: required('db', values.db),
    certsDir,
    recordStore: { kind: 'embedded', dbFile: recordStoreFile },
    seedDemo: true,
    now: () => new Date(OPEN_HOURS),
    logger: false,
    kioskRatePerMinute: UNLIMITED_PER_MINUTE,
    // The shipped composer is the centre's default, so that it may run on the compose worker threads; the naive
    // one is given as a document issuer, which always runs in the main thread.
    documentIssuer: issuer === 'naive' ? naiveDocumentIssuer : undefined,
    composeWorkers: Number(values['compose-workers']),
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // process.exit, not a natural end, so that a --cpu-prof profile is written even with sockets still open.
    center.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.once('end', stop);
  process.stdin.resume();
  console.log(JSON.stringify({ url: center.url }));
} else {
  throw new Error('centre-runner needs --mode fill or --mode serve');
}
