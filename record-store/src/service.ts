/** Opens the store, seeds the demo data when asked, and serves it; close() undoes all of it in order. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { seedDemoData } from './demo/seed.js';
import type { ServiceKeyMaterial } from './key-material.js';
import { buildRecordStoreServer } from './server.js';
import type { ServiceConfig } from './service-config.js';
import { openSqliteRecordStore } from './store.js';

export interface RunningService {
  /** e.g. https://127.0.0.1:7443 */
  url: string;
  close(): Promise<void>;
}

export async function startRecordStoreService(
  config: ServiceConfig,
  material: ServiceKeyMaterial,
  logStream?: { write(line: string): unknown },
): Promise<RunningService> {
  if (config.dbFile !== ':memory:') mkdirSync(dirname(config.dbFile), { recursive: true });
  const store = openSqliteRecordStore({ file: config.dbFile, masterKey: material.masterKey });
  if (config.seedDemo) seedDemoData(store);
  const app = buildRecordStoreServer({
    store,
    tls: material.tls,
    allowedClients: config.allowedClients,
    logger: { level: config.logLevel, ...(logStream ? { stream: logStream } : {}) },
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `https://${host}:${port}`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
