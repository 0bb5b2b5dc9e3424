/** Builds a running agent: devices from the factory, the line client, the session machine and the local API. */
import { randomUUID } from 'node:crypto';
import { devPkiPaths, readTlsMaterial } from '@kiosk/certs';
import type { FastifyInstance } from 'fastify';
import { createAgentServer } from './api/server.js';
import type { AgentConfig } from './config.js';
import { SimulatedA4Printer } from './devices/a4-printer/simulated.js';
import type { CardReader } from './devices/card-reader/card-reader.js';
import { PcscCardReader } from './devices/card-reader/pcsc/index.js';
import { SimulatedCardReader } from './devices/card-reader/simulated.js';
import { demoDock, loadCardIssuer } from './devices/demo-cards.js';
import { SimulatedPayment } from './devices/payment/simulated.js';
import { SimulatedReceiptPrinter } from './devices/receipt-printer/receipt-printer.js';
import { LineClient } from './line/client.js';
import { KioskSession } from './session/machine.js';

export interface RunningAgent {
  readonly app: FastifyInstance;
  readonly session: KioskSession;
  readonly url: string;
  close(): Promise<void>;
}

export async function startAgent(
  config: AgentConfig,
  opts: { logger?: boolean } = {},
): Promise<RunningAgent> {
  const paths = devPkiPaths(config.certsDir);
  const line = new LineClient({
    baseUrl: config.centerUrl,
    kioskId: config.kioskId,
    tls: readTlsMaterial(config.certsDir, { kiosk: config.kioskId }),
  });
  // The device factory: the configuration picks simulated devices (demo) or the PC/SC card reader.
  const cardReader = makeCardReader(config);
  const devices = {
    cardReader,
    a4Printer: new SimulatedA4Printer(config.paperTray),
    receiptPrinter: new SimulatedReceiptPrinter(),
    payment: new SimulatedPayment(),
  };
  const session = new KioskSession({
    devices,
    line,
    kioskId: config.kioskId,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    demo: cardReader instanceof SimulatedCardReader,
    newRequestId: randomUUID,
    log: (message) => console.log(`[session] ${message}`),
  });
  const app = await createAgentServer({
    session,
    port: config.port,
    uiDir: config.uiDir,
    demoDock:
      cardReader instanceof SimulatedCardReader
        ? demoDock(cardReader, loadCardIssuer(paths.cardIssuer))
        : undefined,
    extraOrigins: config.extraOrigins,
    logger: opts.logger ?? false,
  });
  await app.listen({ host: '127.0.0.1', port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    session,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      session.close();
      await app.close();
      await cardReader.close();
      line.close();
    },
  };
}

function makeCardReader(config: AgentConfig): CardReader {
  if (config.devices === 'simulated') return new SimulatedCardReader();
  return new PcscCardReader({
    readerName: config.cardReaderName,
    log: (message) => console.log(`[card-reader] ${message}`),
  });
}
