/**
 * Starts the real parts on loopback for a cross-part test: a dev PKI in a temp folder, the record store over
 * mutual TLS with the demo residents, the centre (line over mutual TLS, record store over HTTPS), and on request the
 * kiosk agent with simulated devices. Everything is stopped and removed by `close()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevPki, readTlsMaterial } from '@kiosk/certs';
import { startCenter, type RunningCenter } from '@kiosk/center-server';
import { agentConfigFromEnv, startAgent, type RunningAgent } from '@kiosk/kiosk-agent';
import { readServiceKeyMaterial, startRecordStoreService } from '@kiosk/record-store';

export interface TestSystem {
  readonly dir: string;
  readonly certsDir: string;
  readonly centerUrl: string;
  /** The running centre, for what an operator would do (revoke a certificate, …). */
  readonly center: RunningCenter;
  readonly agent: RunningAgent | undefined;
  readonly paperTray: string;
  close(): Promise<void>;
}

/** A Japan-time weekday morning, so participation hours never depend on when the tests run. */
export const OPEN_HOURS_NOW = (): Date => new Date('2026-11-20T10:00:00+09:00');

export async function startTestSystem(opts: {
  agent: boolean;
  /** 'http' (default) runs the record store as its own mTLS service; 'embedded' inside the centre. */
  recordStore?: 'http' | 'embedded';
}): Promise<TestSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-system-'));
  const certsDir = join(dir, 'certs');
  await generateDevPki({ dir: certsDir, kiosks: 2, log: () => {} });
  const embedded = opts.recordStore === 'embedded';
  const recordStore = embedded
    ? undefined
    : await startRecordStoreService(
        {
          dbFile: join(dir, 'record-store.sqlite'),
          host: '127.0.0.1',
          port: 0,
          certsDir,
          allowedClients: ['center'],
          seedDemo: true,
          logLevel: 'silent',
        },
        readServiceKeyMaterial(certsDir),
      );
  const center = await startCenter({
    host: '127.0.0.1',
    port: 0,
    dbFile: join(dir, 'center.sqlite'),
    certsDir,
    recordStore: recordStore
      ? { kind: 'http', url: recordStore.url }
      : { kind: 'embedded', dbFile: join(dir, 'record-store.sqlite') },
    seedDemo: true,
    now: OPEN_HOURS_NOW,
  });
  const paperTray = join(dir, 'paper-tray');
  const agent = opts.agent
    ? await startAgent(
        agentConfigFromEnv({
          KIOSK_AGENT_PORT: '0',
          CENTER_URL: center.url,
          KIOSK_CERTS_DIR: certsDir,
          KIOSK_PAPER_TRAY: paperTray,
        }),
      )
    : undefined;
  return {
    dir,
    certsDir,
    centerUrl: center.url,
    center,
    agent,
    paperTray,
    async close() {
      await agent?.close();
      await center.close();
      await recordStore?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const kioskTls = (system: TestSystem, kioskId = 'kiosk-0001') =>
  readTlsMaterial(system.certsDir, { kiosk: kioskId });
