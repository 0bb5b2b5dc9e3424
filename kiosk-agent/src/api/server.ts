/**
 * The agent's local API on 127.0.0.1: the session snapshot as an event stream, intents, the demo dock, and the
 * built kiosk UI. Nothing here is reachable from another machine.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import {
  AGENT_PATHS,
  DemoA4PrinterSet,
  DemoCardInsert,
  DemoCoinInsert,
  DemoPaymentSet,
  DemoReceiptPrinterSet,
  errorBody,
  Intent,
  statusOf,
  type AgentEvent,
  type DemoA4Fault,
  type DemoDevices,
  type DemoDock,
  type DemoReceiptFault,
  type ErrorCode,
} from '@kiosk/protocol';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { KioskSession } from '../session/machine.js';
import { loopbackGuard } from './loopback-guard.js';

/** The demo dock's view of the simulated reader. */
export interface DemoDockControl {
  dock(): DemoDock;
  insert(id: string): boolean;
  remove(): void;
}

/** The demo dock's hands on the simulated payment device and printers. */
export interface DemoDeviceControl {
  devices(): DemoDevices;
  /** False when no payment is in progress: the coin drops back into the tray. */
  insertCoin(yen: DemoCoinInsert['yen']): boolean;
  setAutoPay(on: boolean): void;
  setA4Fault(fault: DemoA4Fault): void;
  setReceiptFault(fault: DemoReceiptFault): void;
}

export interface AgentServerOptions {
  readonly session: KioskSession;
  readonly port: number;
  readonly uiDir: string;
  readonly demoDock?: DemoDockControl | undefined;
  /** Present in demo mode only, like `demoDock`: without it the device routes do not exist. */
  readonly demoDevices?: DemoDeviceControl | undefined;
  readonly extraOrigins?: readonly string[];
  readonly logger?: boolean;
}

/** The UI needs nothing but its own origin: no inline code, no third-party hosts, no framing. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const send = (reply: FastifyReply, code: ErrorCode, detail?: string) =>
  reply.code(statusOf(code)).send(errorBody(code, detail));

export async function createAgentServer(opts: AgentServerOptions): Promise<FastifyInstance> {
  // Event streams stay open for ever; closing the agent must not wait for the browser to let go.
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 16 * 1024,
    forceCloseConnections: true,
  });
  // Built on the first request, when the port is known (port 0 picks one at listen time).
  let allowed: ReturnType<typeof loopbackGuard> | undefined;
  app.addHook('onRequest', async (request, reply) => {
    if (!allowed) {
      const address = app.server.address();
      allowed = loopbackGuard(
        typeof address === 'object' && address ? address.port : opts.port,
        opts.extraOrigins,
      );
    }
    if (!allowed(request.headers.host, request.headers.origin)) return send(reply, 'AGENT_ORIGIN_REFUSED');
  });
  app.setErrorHandler((error: { validation?: unknown; message: string }, request, reply) => {
    if (error.validation) return send(reply, 'REQUEST_INVALID', error.message);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'INTERNAL_ERROR');
  });

  const { session } = opts;
  app.get(AGENT_PATHS.state, async () => session.snapshot());

  app.get(AGENT_PATHS.events, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const write = (event: AgentEvent): void => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    write({ type: 'snapshot', snapshot: session.snapshot() });
    const unsubscribe = session.subscribe((snapshot) => write({ type: 'snapshot', snapshot }));
    // A comment line now and then keeps idle connections from being closed by anything in between.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  app.post<{ Body: Intent }>(AGENT_PATHS.intents, { schema: { body: Intent } }, async (request, reply) => {
    const result = session.handle(request.body);
    if (!result.ok)
      return send(reply, result.error, `${request.body.type} at ${session.snapshot().screen.step}`);
    return reply.code(202).send({ accepted: true });
  });

  const dock = opts.demoDock;
  if (dock) {
    app.get(AGENT_PATHS.devCards, async () => dock.dock());
    app.post<{ Body: { id: string } }>(
      AGENT_PATHS.devCardInsert,
      { schema: { body: DemoCardInsert } },
      async (request, reply) =>
        dock.insert(request.body.id) ? dock.dock() : send(reply, 'NOT_FOUND', 'no such demo card'),
    );
    app.post(AGENT_PATHS.devCardRemove, async () => {
      dock.remove();
      return dock.dock();
    });
  }

  const demoDevices = opts.demoDevices;
  if (demoDevices) {
    app.get(AGENT_PATHS.devDevices, async () => demoDevices.devices());
    app.post<{ Body: DemoCoinInsert }>(
      AGENT_PATHS.devCoinInsert,
      { schema: { body: DemoCoinInsert } },
      async (request, reply) =>
        demoDevices.insertCoin(request.body.yen)
          ? demoDevices.devices()
          : send(reply, 'INTENT_NOT_ALLOWED', 'no payment in progress'),
    );
    app.post<{ Body: DemoPaymentSet }>(
      AGENT_PATHS.devPayment,
      { schema: { body: DemoPaymentSet } },
      async (request) => {
        demoDevices.setAutoPay(request.body.autoPay);
        return demoDevices.devices();
      },
    );
    app.post<{ Body: { fault: DemoA4Fault } }>(
      AGENT_PATHS.devA4Printer,
      { schema: { body: DemoA4PrinterSet } },
      async (request) => {
        demoDevices.setA4Fault(request.body.fault);
        return demoDevices.devices();
      },
    );
    app.post<{ Body: { fault: DemoReceiptFault } }>(
      AGENT_PATHS.devReceiptPrinter,
      { schema: { body: DemoReceiptPrinterSet } },
      async (request) => {
        demoDevices.setReceiptFault(request.body.fault);
        return demoDevices.devices();
      },
    );
  }

  if (existsSync(opts.uiDir)) {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', CSP);
      reply.header('x-content-type-options', 'nosniff');
    });
    await app.register(fastifyStatic, { root: opts.uiDir, index: 'index.html' });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The kiosk UI is not built: run `npm run build -w kiosk-ui`.'),
    );
  }
  return app;
}
