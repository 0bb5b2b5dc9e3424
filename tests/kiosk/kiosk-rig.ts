/**
 * The kiosk agent with simulated devices against the real centre, with a tap on its line: every heartbeat and
 * outcome it sends is recorded as sent, and the line can be cut (pointed at a closed port) and restored. Plus the
 * resident's walk to the confirm screen through the agent's own API, as the UI and the demo dock drive it.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { agentConfigFromEnv, LineClient, startAgent, type RunningAgent } from '@kiosk/kiosk-agent';
import type { CertificateKind, Heartbeat, IssuanceRequest, OutcomeRequest } from '@kiosk/protocol';
import type { DemoResident } from '@kiosk/record-store/demo';
import { SnapshotStream } from '../support/sse.js';
import { kioskTls, startTestSystem, type TestSystem } from '../support/system.js';

export interface TappedHeartbeat {
  readonly body: Heartbeat;
  readonly delivered: boolean;
  /** Heartbeats the agent held when this one went out. */
  readonly pendingAtSend: number;
}

export interface TappedOutcome {
  readonly certificateId: string;
  readonly body: OutcomeRequest;
  readonly delivered: boolean;
}

/** What the agent's line wrapper returns (its line API and heartbeat). */
type AgentLine = ReturnType<NonNullable<NonNullable<Parameters<typeof startAgent>[1]>['wrapLine']>>;

/** Wraps the agent's real line client: records, and routes to a closed port while the line is cut. */
export class LineTap implements AgentLine {
  readonly heartbeats: TappedHeartbeat[] = [];
  readonly outcomes: TappedOutcome[] = [];
  cut = false;
  pendingProbe: () => number = () => 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly real: LineClient,
    private readonly closed: LineClient,
  ) {}

  private get to(): LineClient {
    return this.cut ? this.closed : this.real;
  }

  menu(kind: CertificateKind) {
    return this.to.menu(kind);
  }

  issue(request: IssuanceRequest) {
    return this.to.issue(request);
  }

  async outcome(certificateId: string, body: OutcomeRequest) {
    const result = await this.to.outcome(certificateId, body);
    this.record(() => this.outcomes.push({ certificateId, body, delivered: result.ok }));
    return result;
  }

  async heartbeat(body: Heartbeat) {
    const pendingAtSend = this.pendingProbe();
    const result = await this.to.heartbeat(body);
    this.record(() => this.heartbeats.push({ body, delivered: result.ok, pendingAtSend }));
    return result;
  }

  /** Resolves once `done` holds, checked now and after every recorded call. */
  until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.closed.close();
  }

  /** Waiters hear of a call once the agent has taken its answer: its state is then the state after that call. */
  private record(push: () => void): void {
    push();
    setImmediate(() => {
      for (const check of [...this.waiters]) check();
    });
  }
}

export interface KioskRig {
  readonly system: TestSystem;
  readonly agent: RunningAgent;
  readonly tap: LineTap;
  readonly centerDb: string;
  post(path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function startKioskRig(env: Record<string, string> = {}): Promise<KioskRig> {
  const system = await startTestSystem({ agent: false });
  let tap: LineTap | undefined;
  const agent = await startAgent(
    agentConfigFromEnv({
      KIOSK_AGENT_PORT: '0',
      CENTER_URL: system.centerUrl,
      KIOSK_CERTS_DIR: system.certsDir,
      KIOSK_PAPER_TRAY: system.paperTray,
      ...env,
    }),
    {
      wrapLine: (real) => {
        const closed = new LineClient({
          baseUrl: `https://127.0.0.1:${closedPort}`,
          kioskId: 'kiosk-0001',
          tls: kioskTls(system),
        });
        tap = new LineTap(real, closed);
        return tap;
      },
    },
  );
  if (!tap) throw new Error('the agent did not take the line wrapper');
  const tapped = tap;
  tapped.pendingProbe = () => agent.heartbeat.state().pending;
  return {
    system,
    agent,
    tap: tapped,
    centerDb: join(system.dir, 'center.sqlite'),
    post: (path, body = {}) =>
      fetch(new URL(path, agent.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async close() {
      await agent.close();
      tapped.close();
      await system.close();
    },
  };
}

/** A loopback port nothing listens on: bound and closed again, so a connection there is refused. */
const closedPort = await new Promise<number>((resolve) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 9;
    server.close(() => resolve(port));
  });
});

/** Start, card on the reader from the dock, PIN, the resident's municipality, one domestic copy: at confirm. */
export async function walkToConfirm(
  rig: KioskRig,
  events: SnapshotStream,
  resident: DemoResident,
): Promise<void> {
  await events.step('idle');
  await rig.post('/api/intents', { type: 'start', kind: 'vaccination' });
  await events.step('insert_card');
  await rig.post('/api/dev/cards/insert', { id: resident.id });
  await events.step('enter_pin');
  await rig.post('/api/intents', { type: 'submit_pin', pin: resident.card.pin });
  await events.step('choose');
  await rig.post('/api/intents', {
    type: 'choose',
    municipalityCode: resident.municipalityCode,
    variant: 'domestic',
    copies: 1,
  });
  await events.step('confirm');
}

export const eventsOf = (rig: KioskRig): SnapshotStream =>
  new SnapshotStream(new URL('/api/events', rig.agent.url).href);
