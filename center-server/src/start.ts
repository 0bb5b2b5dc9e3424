/** Builds a running centre from configuration: database, record store, trust anchors, signing keys, server. */
import { readFileSync } from 'node:fs';
import { devPkiPaths, readRecordStoreMasterKey, readTlsMaterial } from '@kiosk/certs';
import { httpRecordStore, openSqliteRecordStore, type RecordStore } from '@kiosk/record-store';
import { seedDemoData } from '@kiosk/record-store/demo';
import { prepareComposer, type KeyRingConfig } from '@kiosk/certificate';
import type { FastifyInstance } from 'fastify';
import { createCenterServer } from './app.js';
import { loadCardTrustAnchors } from './card-trust.js';
import { revocations as revocationRegistry, type Revocations } from './certificates/revocations.js';
import { loadCertificateKeys } from './certificates/signing.js';
import { openCenterDb } from './db.js';
import { seedDemoParticipation } from './demo-seed.js';
import { issuanceLedger } from './issuance/ledger.js';
import { heartbeatBoard } from './kiosks/heartbeats.js';
import { kioskRegistry } from './kiosks/registry.js';
import type { MetricsAccess } from './observability/metrics-route.js';
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
  /** Which signing keys are active, retired or expired; rotation is configuration only. */
  readonly signing?: KeyRingConfig | undefined;
  /** The SHC issuer (`iss`): verifiers fetch `{issuerUrl}/.well-known/jwks.json`. Default: the centre's own URL. */
  readonly issuerUrl?: string | undefined;
  readonly now?: () => Date;
  readonly logger?: boolean;
  /** Requests one kiosk may make per minute on the line (default 120). */
  readonly kioskRatePerMinute?: number | undefined;
  /** Who may read `/metrics` (default loopback callers only). */
  readonly metricsAccess?: MetricsAccess | undefined;
}

export interface RunningCenter {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly issuerUrl: string;
  /** Revoked certificate IDs, published at `/.well-known/revoked.json`. */
  readonly revocations: Revocations;
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
  // First, so that a signing misconfiguration or a missing font stops the start before anything is opened.
  const { keyRing, vds } = await loadCertificateKeys(paths, config.signing ?? {});
  const composer = prepareComposer();
  if (!composer.ok) throw new Error(`certificate composer: ${composer.error.detail}`);
  const db = openCenterDb(config.dbFile);
  const registry = kioskRegistry(db);
  const settings = participation(db);
  const recordStore = openRecordStore(config);
  const revocations = revocationRegistry(db);
  // The issuer URL defaults to the centre's own address, known only once it listens (port 0 in tests).
  let issuerUrl = config.issuerUrl?.replace(/\/+$/, '') ?? '';
  if (config.seedDemo) {
    const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8')) as { kiosks: string[] };
    seedDemoParticipation({ registry, participation: settings, kioskIds: manifest.kiosks });
  }
  const app = await createCenterServer({
    tls: readTlsMaterial(config.certsDir, 'center'),
    registry,
    heartbeats: heartbeatBoard(),
    publication: { keyRing, revocations },
    logger: config.logger ?? false,
    kioskRatePerMinute: config.kioskRatePerMinute,
    metricsAccess: config.metricsAccess,
    issuance: {
      participation: settings,
      recordStore,
      ledger: issuanceLedger(db),
      cardTrustAnchors: loadCardTrustAnchors([paths.cardIssuer.issuer]),
      certificateSigning: { keyRing, vds, issuer: () => issuerUrl },
      now: config.now ?? (() => new Date()),
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `https://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  issuerUrl ||= url;
  return {
    app,
    url,
    issuerUrl,
    revocations,
    async close() {
      await app.close();
      await recordStore.close();
      db.close();
    },
  };
}
