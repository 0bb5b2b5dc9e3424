/** The service's settings from the environment, with the defaults the demo relies on. */
import { resolve } from 'node:path';

export interface ServiceConfig {
  /** sqlite file (absolute) or ':memory:' */
  dbFile: string;
  host: string;
  port: number;
  /** The dev PKI folder: record-store/{cert,key}.pem, record-store/master-key.hex, line-ca/cert.pem. */
  certsDir: string;
  allowedClients: string[];
  seedDemo: boolean;
  logLevel: string;
}

export function serviceConfigFromEnv(env: NodeJS.ProcessEnv, cwd: string): ServiceConfig {
  const db = env.RECORD_STORE_DB || 'var/record-store.sqlite';
  const port = Number(env.RECORD_STORE_PORT || 7443);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError('RECORD_STORE_PORT is not a port');
  return {
    dbFile: db === ':memory:' ? db : resolve(cwd, db),
    host: env.RECORD_STORE_HOST || '127.0.0.1',
    port,
    certsDir: resolve(cwd, env.KIOSK_CERTS_DIR || 'certs/dev'),
    allowedClients: (env.RECORD_STORE_ALLOWED_CLIENTS || 'center')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    seedDemo: env.RECORD_STORE_SEED_DEMO === '1',
    logLevel: env.RECORD_STORE_LOG_LEVEL || 'info',
  };
}
