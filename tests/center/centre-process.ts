/**
 * The centre as its own process (`center-server/src/main.ts` under tsx), configured by environment as in production,
 * for the tests that must kill it mid-issuance or read everything it printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { OPEN_HOURS_NOW } from '../support/system.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CentreProcess {
  readonly url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends the signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The settings every such test starts from: the dev PKI, its own database, the demo kiosks and municipalities, and a
 * clock inside opening hours whenever the test runs. The test adds what it is about.
 */
export function demoCentreEnv(certsDir: string, dbFile: string): Record<string, string> {
  return {
    KIOSK_CERTS_DIR: certsDir,
    CENTER_DB: dbFile,
    CENTER_SEED_DEMO: '1',
    CENTER_FIXED_CLOCK: OPEN_HOURS_NOW().toISOString(),
    CENTER_LOG: '0',
  };
}

export async function spawnCentre(env: Record<string, string>): Promise<CentreProcess> {
  // Node itself with tsx as a loader (not the tsx CLI, which would put a second process between us and the centre).
  const args = ['--import', 'tsx', '--conditions=source', 'center-server/src/main.ts'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', CENTER_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /center-server listening on (\S+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`the centre exited before listening:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
