/**
 * What the kiosk bench runs against: a dev PKI in a temp folder, the real centre as its own process on loopback
 * (embedded record store with the demo residents, line over mutual TLS), and kiosk agents as their own processes,
 * configured by environment as on a kiosk PC. The temp folder goes with close().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDevPki } from '@kiosk/certs';
import { buildAgent, type BuiltAgent } from './built-agent.js';
import { startNodeChild, type NodeChild } from './processes.js';

/** A Japan-time weekday morning, so that every demo municipality is open whenever the bench runs. */
const OPEN_HOURS = '2026-11-20T10:00:00+09:00';
/** One kiosk runs ~1,000 sessions back to back here: far more line calls a minute than a resident makes. */
const UNLIMITED_PER_MINUTE = '100000000';
const READY_WITHIN_MS = 60_000;
const GC_PROBE_SOURCE = fileURLToPath(new URL('./gc-probe.ts', import.meta.url));

/** `tsx`: the agent on its sources under the tsx loader; `built`: plain Node on JavaScript built from them. */
export type AgentBuild = 'tsx' | 'built';

export interface AgentChoice {
  readonly how: AgentBuild;
  /** Preload gc-probe.ts (with --expose-gc): SIGUSR2 then runs a full GC and reports the heap left. */
  readonly gcProbe?: boolean;
}

export interface BenchRig {
  readonly dir: string;
  readonly centre: NodeChild;
  /** The demo paper tray, inside the temp folder. */
  readonly paperTray: string;
  /**
   * An agent for kiosk-0001 with simulated card reader and coin acceptor (demo mode, autoPay), plus `env`. Its
   * demo paper tray is `paperTray` unless `env` says otherwise.
   */
  startAgent(env: Record<string, string>, choice: AgentChoice): Promise<NodeChild>;
  close(): Promise<void>;
}

/** `agentNodeOptions`: NODE_OPTIONS for every agent started, or undefined. */
export async function startBenchRig(agentNodeOptions?: string): Promise<BenchRig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const certsDir = join(dir, 'certs');
  const paperTray = join(dir, 'paper-tray');
  const children: NodeChild[] = [];
  let built: BuiltAgent | undefined;
  const close = async (): Promise<void> => {
    await Promise.all(children.map((child) => child.stop()));
    rmSync(dir, { recursive: true, force: true });
  };

  /** Node's arguments for the agent. */
  const agentArgs = ({ how, gcProbe }: AgentChoice): string[] => {
    if (how === 'tsx') {
      const probe = gcProbe ? ['--expose-gc', '--import', GC_PROBE_SOURCE] : [];
      return ['--import', 'tsx', '--conditions=source', ...probe, 'kiosk-agent/src/main.ts'];
    }
    built ??= buildAgent(join(dir, 'built'));
    return [...(gcProbe ? ['--expose-gc', '--import', built.gcProbe] : []), built.main];
  };

  try {
    await generateDevPki({ dir: certsDir, kiosks: 1, log: () => {} });
    const centre = await startNodeChild({
      name: 'the centre',
      args: ['--import', 'tsx', '--conditions=source', 'center-server/src/main.ts'],
      env: {
        CENTER_HOST: '127.0.0.1',
        CENTER_PORT: '0',
        CENTER_DB: join(dir, 'center.sqlite'),
        RECORD_STORE_DB: join(dir, 'record-store.sqlite'),
        KIOSK_CERTS_DIR: certsDir,
        CENTER_SEED_DEMO: '1',
        CENTER_FIXED_CLOCK: OPEN_HOURS,
        CENTER_LOG: '0',
        CENTER_KIOSK_RATE_PER_MINUTE: UNLIMITED_PER_MINUTE,
      },
      ready: /center-server listening on (https:\/\/127\.0\.0\.1:\d+)/,
      readyWithinMs: READY_WITHIN_MS,
    });
    children.push(centre);
    return {
      dir,
      centre,
      paperTray,
      async startAgent(env, choice) {
        const agent = await startNodeChild({
          name: `the agent (${choice.how})`,
          args: agentArgs(choice),
          env: {
            KIOSK_AGENT_PORT: '0',
            KIOSK_ID: 'kiosk-0001',
            CENTER_URL: centre.url,
            KIOSK_CERTS_DIR: certsDir,
            KIOSK_DEVICES: 'simulated',
            KIOSK_AUTO_PAY: '1',
            KIOSK_PAPER_TRAY: paperTray,
            ...(agentNodeOptions ? { NODE_OPTIONS: agentNodeOptions } : {}),
            ...env,
          },
          ready: /kiosk-agent listening on (http:\/\/127\.0\.0\.1:\d+\/)/,
          readyWithinMs: READY_WITHIN_MS,
        });
        children.push(agent);
        return agent;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
