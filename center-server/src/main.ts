/** `node center-server/dist/main.js`: the centre as a process, configured from the environment (see README). */
import { availableParallelism } from 'node:os';
import { keyRingConfigFromEnv } from '@kiosk/certificate';
import { parseMetricsAccess } from './observability/metrics-route.js';
import { startCenter } from './start.js';

const env = process.env;

/** A fixed clock for demos and tests outside opening hours; a real centre never runs on a stopped clock. */
function fixedClock(): (() => Date) | undefined {
  const at = env['CENTER_FIXED_CLOCK'];
  if (!at) return undefined;
  const fixed = new Date(at);
  if (env['CENTER_SEED_DEMO'] !== '1' || Number.isNaN(fixed.getTime())) {
    console.error('CENTER_FIXED_CLOCK needs an ISO 8601 time and is honoured only with CENTER_SEED_DEMO=1');
    process.exit(2);
  }
  return () => new Date(fixed.getTime());
}

/**
 * Threads composing certificates: by default one per core. The main thread (TLS, signatures, sqlite) needs about
 * 40 % of a composing thread's CPU, so on 2 cores two composers beat one (bench:center: 261 against 229 per second).
 */
function composeWorkers(): number {
  const set = env['CENTER_COMPOSE_WORKERS'];
  if (!set) return availableParallelism();
  const workers = Number(set);
  if (!Number.isInteger(workers) || workers < 0) {
    console.error('CENTER_COMPOSE_WORKERS needs a whole number of threads (0: compose in the main thread)');
    process.exit(2);
  }
  return workers;
}

const center = await startCenter({
  host: env['CENTER_HOST'] ?? '127.0.0.1',
  port: Number(env['CENTER_PORT'] ?? 8443),
  dbFile: env['CENTER_DB'] ?? 'var/center.sqlite',
  certsDir: env['KIOSK_CERTS_DIR'],
  recordStore: env['RECORD_STORE_URL']
    ? {
        kind: 'http',
        url: env['RECORD_STORE_URL'],
        timeoutMs: env['RECORD_STORE_TIMEOUT_MS'] ? Number(env['RECORD_STORE_TIMEOUT_MS']) : undefined,
      }
    : { kind: 'embedded', dbFile: env['RECORD_STORE_DB'] ?? 'var/record-store.sqlite' },
  seedDemo: env['CENTER_SEED_DEMO'] === '1',
  now: fixedClock(),
  signing: keyRingConfigFromEnv(env),
  issuerUrl: env['CENTER_ISSUER_URL'] || undefined,
  logger: env['CENTER_LOG'] !== '0',
  kioskRatePerMinute: env['CENTER_KIOSK_RATE_PER_MINUTE']
    ? Number(env['CENTER_KIOSK_RATE_PER_MINUTE'])
    : undefined,
  metricsAccess: parseMetricsAccess(env['CENTER_METRICS']),
  composeWorkers: composeWorkers(),
});
console.log(`center-server listening on ${center.url}`);

const stop = (): void => {
  center.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
