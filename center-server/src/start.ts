/** Builds a running centre from configuration: database, record store, trust anchors, signing keys, server. */
import { readFileSync } from 'node:fs';
import { devPkiPaths, readRecordStoreMasterKey, readTlsMaterial } from '@kiosk/certs';
import { httpRecordStore, openSqliteRecordStore, type RecordStore } from '@kiosk/record-store';
import { seedDemoData } from '@kiosk/record-store/demo';
import {
  issueCertificateDocument,
  prepareComposer,
  type KeyRing,
  type KeyRingConfig,
} from '@kiosk/certificate';
import type { FastifyInstance } from 'fastify';
import { createCenterServer } from './app.js';
import { loadCardTrustAnchors } from './card-trust.js';
import { revocations as revocationRegistry, type Revocations } from './certificates/revocations.js';
import { loadCertificateKeys, type CertificateKeys } from './certificates/signing.js';
import { openCenterDb } from './db.js';
import { seedDemoParticipation } from './demo-seed.js';
import { auditLog } from './issuance/audit-log.js';
import { createDocumentPool } from './issuance/document-pool/document-pool.js';
import { issuanceLedger } from './issuance/ledger.js';
import type { DocumentIssuer } from './issuance/pipeline.js';
import { heartbeatBoard, type HeartbeatBoard } from './kiosks/heartbeats.js';
import { kioskRegistry, type KioskRegistry } from './kiosks/registry.js';
import type { MetricsAccess } from './observability/metrics-route.js';
import { participation, type Participation } from './participation/participation.js';

export interface CenterConfig {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly dbFile: string;
  /** Dev PKI folder; undefined means the default certs/dev. */
  readonly certsDir?: string | undefined;
  /** 'embedded' runs the reference record store in this process on its own sqlite file. */
  readonly recordStore:
    | { kind: 'embedded'; dbFile: string }
    /** `timeoutMs`: how long one call may take before the kiosk is told RECORD_STORE_UNAVAILABLE (default 3000). */
    | { kind: 'http'; url: string; timeoutMs?: number | undefined };
  /** Register the dev kiosks and the demo municipalities' participation settings. */
  readonly seedDemo: boolean;
  /** Which signing keys are active, retired or expired; rotation is configuration only. */
  readonly signing?: KeyRingConfig | undefined;
  /** The SHC issuer (`iss`): verifiers fetch `{issuerUrl}/.well-known/jwks.json`. Default: the centre's own URL. */
  readonly issuerUrl?: string | undefined;
  readonly now?: (() => Date) | undefined;
  readonly logger?: boolean;
  /** Requests one kiosk may make per minute on the line (default 120). */
  readonly kioskRatePerMinute?: number | undefined;
  /** Who may read `/metrics` (default loopback callers only). */
  readonly metricsAccess?: MetricsAccess | undefined;
  /** How a certificate document is made; default the real composer. Benchmarks compare a naive one through here. */
  readonly documentIssuer?: DocumentIssuer | undefined;
  /**
   * Worker threads that compose certificates (default 0: in the main thread, as in-process tests run). Not used
   * with a `documentIssuer`, which always runs in the main thread.
   */
  readonly composeWorkers?: number | undefined;
}

export interface RunningCenter {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly issuerUrl: string;
  /** Revoked certificate IDs, published at `/.well-known/revoked.json`. */
  readonly revocations: Revocations;
  /** Participation settings (hours, closures, maintenance, notices) as the municipality console changes them. */
  readonly participation: Participation;
  /** The kiosk registry, as the operator console suspends, resumes and revokes kiosks. */
  readonly registry: KioskRegistry;
  /** The fleet's latest heartbeats and device status changes. */
  readonly heartbeats: HeartbeatBoard;
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
    timeoutMs: config.recordStore.timeoutMs,
    tls: readTlsMaterial(config.certsDir, 'center-client'),
  });
}

/** Where certificate documents are made: in this thread, or on worker threads that load the same keys themselves. */
interface Documents {
  readonly issue: DocumentIssuer;
  close(): Promise<void>;
}

async function startDocuments(config: CenterConfig, keyRing: KeyRing): Promise<Documents> {
  const workers = config.composeWorkers ?? 0;
  if (config.documentIssuer || workers === 0) {
    return { issue: config.documentIssuer ?? issueCertificateDocument, close: async () => {} };
  }
  // The active kid is pinned: a key file added while the centre runs must not make a restarted worker sign with a
  // key this thread does not publish.
  const signing = { ...config.signing, active: keyRing.active.kid };
  return createDocumentPool({ size: workers, certsDir: config.certsDir, signing });
}

export async function startCenter(config: CenterConfig): Promise<RunningCenter> {
  const paths = devPkiPaths(config.certsDir);
  // First, so that a signing misconfiguration or a missing font stops the start before anything is opened.
  const { keyRing, vds } = await loadCertificateKeys(paths, config.signing ?? {});
  const composer = prepareComposer();
  if (!composer.ok) throw new Error(`certificate composer: ${composer.error.detail}`);
  const documents = await startDocuments(config, keyRing);
  try {
    return await startServing(config, { keyRing, vds, documents });
  } catch (error) {
    // The worker threads would keep the process alive after a failed start.
    await documents.close();
    throw error;
  }
}

async function startServing(
  config: CenterConfig,
  { keyRing, vds, documents }: CertificateKeys & { documents: Documents },
): Promise<RunningCenter> {
  const paths = devPkiPaths(config.certsDir);
  const db = openCenterDb(config.dbFile);
  const registry = kioskRegistry(db);
  const heartbeats = heartbeatBoard();
  const audit = auditLog(db);
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
    audit,
    heartbeats,
    publication: { keyRing, revocations },
    logger: config.logger ?? false,
    kioskRatePerMinute: config.kioskRatePerMinute,
    metricsAccess: config.metricsAccess,
    issuance: {
      participation: settings,
      recordStore,
      ledger: issuanceLedger(db, audit),
      cardTrustAnchors: loadCardTrustAnchors([paths.cardIssuer.issuer]),
      certificateSigning: { keyRing, vds, issuer: () => issuerUrl },
      now: config.now ?? (() => new Date()),
      issueDocument: documents.issue,
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
    participation: settings,
    registry,
    heartbeats,
    async close() {
      await app.close();
      await documents.close();
      await recordStore.close();
      db.close();
    },
  };
}
