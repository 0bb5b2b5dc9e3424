/**
 * A serial line without hardware: socat joins two pseudo-terminals, linked as `<dir>/printer` (the fake printer's
 * end) and `<dir>/kiosk` (the driver's end). Ready once both links exist, watched for rather than waited out.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitsWithin, fileAppears, requireProgram } from '../../card/support/process.js';

export interface PtyPair {
  readonly printerPath: string;
  readonly kioskPath: string;
  /** Stops socat and removes the links. */
  close(): Promise<void>;
}

/** Bounds a broken setup only; a working socat links both ends at once. */
const LINK_WAIT_MS = 10_000;

/** Starts socat; throws naming the package when socat is missing, with socat's output when it fails. */
export async function openPtyPair(): Promise<PtyPair> {
  const socat = requireProgram('socat', 'socat');
  const dir = await mkdtemp(join(tmpdir(), 'escpos-pty-'));
  const printerPath = join(dir, 'printer');
  const kioskPath = join(dir, 'kiosk');
  const child = spawn(
    socat,
    ['-d', '-d', `pty,raw,echo=0,link=${printerPath}`, `pty,raw,echo=0,link=${kioskPath}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<false>((resolve) => {
    child.once('error', (error) => {
      output += error.message;
      resolve(false);
    });
    child.once('exit', () => resolve(false));
  });
  const linked = Promise.all([
    fileAppears(printerPath, LINK_WAIT_MS),
    fileAppears(kioskPath, LINK_WAIT_MS),
  ]).then((found) => found.every(Boolean));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await exitsWithin(child, 5_000))) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  if (!(await Promise.race([linked, failed]))) {
    await stop();
    throw new Error(`socat did not link the pty pair:\n${output}`);
  }
  return { printerPath, kioskPath, close: stop };
}
