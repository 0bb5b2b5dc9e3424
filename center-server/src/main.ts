/** `node center-server/dist/main.js`: the centre as a process, configured from the environment (see README). */
import { keyRingConfigFromEnv } from '@kiosk/certificate';
import { parseMetricsAccess } from './observability/metrics-route.js';
import { startCenter } from './start.js';

const env = process.env;
const center = await startCenter({
  host: env['CENTER_HOST'] ?? '127.0.0.1',
  port: Number(env['CENTER_PORT'] ?? 8443),
  dbFile: env['CENTER_DB'] ?? 'var/center.sqlite',
  certsDir: env['KIOSK_CERTS_DIR'],
  recordStore: env['RECORD_STORE_URL']
    ? { kind: 'http', url: env['RECORD_STORE_URL'] }
    : { kind: 'embedded', dbFile: env['RECORD_STORE_DB'] ?? 'var/record-store.sqlite' },
  seedDemo: env['CENTER_SEED_DEMO'] === '1',
  signing: keyRingConfigFromEnv(env),
  issuerUrl: env['CENTER_ISSUER_URL'] || undefined,
  logger: env['CENTER_LOG'] !== '0',
  kioskRatePerMinute: env['CENTER_KIOSK_RATE_PER_MINUTE']
    ? Number(env['CENTER_KIOSK_RATE_PER_MINUTE'])
    : undefined,
  metricsAccess: parseMetricsAccess(env['CENTER_METRICS']),
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
