/** Builds a running centre from configuration: database, record store, trust anchors, server. */
import { readFileSync } from 'node:fs';
import { devPkiPaths, readRecordStoreMasterKey, readTlsMaterial } from '@kiosk/certs';
import { httpRecordStore, openSqliteRecordStore, type RecordStore } from '@kiosk/record-store';
import { seedDemoData } from '@kiosk/record-store/demo';
import type { FastifyInstance } from 'fastify';
import { createCenterServer } from './app.js';
import { loadCardTrustAnchors } from './card-trust.js';
import { openCenterDb } from './db.js';
import { seedDemoParticipation } from './demo-seed.js';
import { issuanceLedger } from './issuance/ledger.js';
import { heartbeatBoard } from './kiosks/heartbeats.js';
import { kioskRegistry } from './kiosks/registry.js';
import { participation } from './participation/participation.js';

export interface CenterConfig {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly dbFile: string;
  /** Dev PKI folder; undefined means the default certs/dev. */
  readonly certsDir?: string | undefined;
  /** 'embedded' runs the reference record store in this process on its own sqlite file. */
  readonly recordStore: { kind: 'embedded'; dbFile: string } | { kind: 'http'; url: string };
  /** Register the dev kiosks and the demo municipalities' participation settings. */
  readonly seedDemo: boolean;
  readonly now?: () => Date;
  readonly logger?: boolean;
}

export interface RunningCenter {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

function openRecordStore(config: CenterConfig): RecordStore {
  if (config.recordStore.kind === 'embedded') {
    const masterKey = readRecordStoreMasterKey(config.certsDir);
    const store = openSqliteRecordStore({ file: config.recordStore.dbFile, masterKey });
    // The embedded default stands in for the municipalities' stores: with demo data it holds the demo residents.
    if (config.seedDemo) seedDemoData(store);
    return store;
  }
  return httpRecordStore({
    baseUrl: config.recordStore.url,
    tls: readTlsMaterial(config.certsDir, 'center-client'),
  });
}

export async function startCenter(config: CenterConfig): Promise<RunningCenter> {
  const paths = devPkiPaths(config.certsDir);
  const db = openCenterDb(config.dbFile);
  const registry = kioskRegistry(db);
  const settings = participation(db);
  const recordStore = openRecordStore(config);
  if (config.seedDemo) {
    const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8')) as { kiosks: string[] };
    seedDemoParticipation({ registry, participation: settings, kioskIds: manifest.kiosks });
  }
  const app = await createCenterServer({
    tls: readTlsMaterial(config.certsDir, 'center'),
    registry,
    heartbeats: heartbeatBoard(),
    logger: config.logger ?? false,
    issuance: {
      participation: settings,
      recordStore,
      ledger: issuanceLedger(db),
      cardTrustAnchors: loadCardTrustAnchors([paths.cardIssuer.issuer]),
      now: config.now ?? (() => new Date()),
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    url: `https://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    async close() {
      await app.close();
      await recordStore.close();
      db.close();
    },
  };
}
