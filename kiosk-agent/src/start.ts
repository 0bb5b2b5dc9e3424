/**
 * Builds a running agent: devices from the factory, the line client, the session machine, the heartbeat and the
 * local API.
 */
import { randomUUID } from 'node:crypto';
import { devPkiPaths, readTlsMaterial } from '@kiosk/certs';
import type { FastifyInstance } from 'fastify';
import { createAgentServer } from './api/server.js';
import type { AgentConfig } from './config.js';
import { SimulatedCardReader } from './devices/card-reader/simulated.js';
import { demoDock, loadCardIssuer } from './devices/demo-cards.js';
import { makeDevices } from './devices/factory.js';
import { HealthCounters } from './health/counters.js';
import { deviceKinds } from './health/device-statuses.js';
import { paperRefilled, watchDevices } from './health/device-watch.js';
import { agentVersion } from './health/heartbeat.js';
import { HeartbeatSender, type HeartbeatLine } from './health/sender.js';
import { LineClient } from './line/client.js';
import { KioskSession } from './session/machine.js';
import type { LineApi } from './session/ports.js';

export type AgentLine = LineApi & HeartbeatLine;

export interface AgentStartOptions {
  readonly logger?: boolean;
  /** Wraps the line client: a cross-part test uses it to see everything the agent sends over the line. */
  readonly wrapLine?: (line: LineClient) => AgentLine;
}

export interface RunningAgent {
  readonly app: FastifyInstance;
  readonly session: KioskSession;
  readonly heartbeat: HeartbeatSender;
  readonly url: string;
  close(): Promise<void>;
}

export async function startAgent(config: AgentConfig, opts: AgentStartOptions = {}): Promise<RunningAgent> {
  const paths = devPkiPaths(config.certsDir);
  const client = new LineClient({
    baseUrl: config.centerUrl,
    kioskId: config.kioskId,
    tls: readTlsMaterial(config.certsDir, { kiosk: config.kioskId }),
  });
  const line = opts.wrapLine ? opts.wrapLine(client) : client;
  const { devices, demoDevices, close: closeDevices } = makeDevices(config);
  const counters = new HealthCounters();
  const session = new KioskSession({
    devices,
    line,
    kioskId: config.kioskId,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    demo: config.demo,
    newRequestId: randomUUID,
    log: (message) => console.log(`[session] ${message}`),
    counters,
  });
  const heartbeat = new HeartbeatSender({
    line,
    read: () => ({ devices: deviceKinds(devices), counters: counters.snapshot() }),
    softwareVersion: agentVersion(),
    intervalSeconds: config.heartbeatSeconds,
    maxBackoffSeconds: config.heartbeatMaxBackoffSeconds,
    log: (message) => console.log(`[heartbeat] ${message}`),
  });
  const stopWatching = watchDevices({
    read: () => deviceKinds(devices),
    onChange(before, after) {
      if (paperRefilled(before, after)) counters.paperRefilled();
      session.devicesChanged();
      heartbeat.soon();
    },
  });
  const { cardReader } = devices;
  const app = await createAgentServer({
    session,
    port: config.port,
    uiDir: config.uiDir,
    demoDock:
      cardReader instanceof SimulatedCardReader
        ? demoDock(cardReader, loadCardIssuer(paths.cardIssuer))
        : undefined,
    demoDevices,
    extraOrigins: config.extraOrigins,
    logger: opts.logger ?? false,
  });
  await app.listen({ host: '127.0.0.1', port: config.port });
  heartbeat.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    session,
    heartbeat,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      stopWatching();
      heartbeat.stop();
      session.close();
      await app.close();
      await closeDevices();
      client.close();
    },
  };
}
