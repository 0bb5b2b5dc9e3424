/**
 * A private pcscd for the card tests, which never touches a pcscd already on the machine.
 *
 * pcscd 1.9 has its socket path compiled in (/run/pcscd/pcscd.comm) and ignores PCSCLITE_CSOCK_NAME, which only
 * the client library honours. So pcscd runs in its own mount and network namespaces (`unshare --mount --net`):
 * - mount: a fresh tmpfs covers /run and a private folder of ours is bound on /run/pcscd, so pcscd's socket and
 *   pid file land there and this process points the client library at it with PCSCLITE_CSOCK_NAME;
 * - network: vpcd listens on 0.0.0.0:35963/35964 inside the namespace, where no other pcscd holds them and nothing
 *   outside can reach them. Its loopback acknowledges at once ("quickack"): vpcd sends each message's length and
 *   body in two writes, and with delayed ACKs every APDU would wait 40 ms for nothing.
 * A socat per reader inside the namespace joins vpcd to a Unix socket; a relay in this process offers that as a
 * TCP port on 127.0.0.1 for the virtual card (see vpcd-relay.ts).
 *
 * A missing pcscd, vpcd driver, unshare, ip or socat is an error, never a skip: scripts/install-system-packages.sh
 * installs them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitsWithin, fileAppears, outputSatisfies, requireProgram } from './process.js';
import { relayToUnixSocket, type VpcdRelay } from './vpcd-relay.js';

/** The vpcd driver as the Debian package vsmartcard-vpcd installs it. */
export const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
/** vpcd's own ports, free inside the namespace. */
const VPCD_PORTS = [35963, 35964] as const;
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

// $1 run folder (bound on /run/pcscd), $2 relay folder, $3 reader configuration, $4 pcscd, $5 socat, $6 ip.
const NAMESPACE_SCRIPT = `set -e
"$6" link set lo up
for dst in 127.0.0.1 127.0.0.0/8; do
  "$6" route change local "$dst" dev lo table local proto kernel scope host src 127.0.0.1 quickack 1
done
mount -n -t tmpfs -o mode=0755 kiosk-pcscd /run
mkdir /run/pcscd
mount -n --bind "$1" /run/pcscd
"$5" UNIX-LISTEN:"$2/vpcd-0.sock",fork,unlink-early TCP:127.0.0.1:${VPCD_PORTS[0]},nodelay &
"$5" UNIX-LISTEN:"$2/vpcd-1.sock",fork,unlink-early TCP:127.0.0.1:${VPCD_PORTS[1]},nodelay &
exec "$4" --foreground --info --config "$3"
`;

export interface PrivatePcscd {
  /** Where the virtual card connects (127.0.0.1) for "Virtual PCD 00 00" and "Virtual PCD 00 01". */
  readonly ports: readonly [number, number];
  readonly readerNames: readonly [string, string];
  /** Kills pcscd abruptly (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts pcscd again: same socket, same readers, same ports. */
  start(): Promise<void>;
  running(): boolean;
  /** What pcscd printed (info level: no APDUs, so never a PIN). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * One folder per test process, kept in the environment: the client library reads PCSCLITE_CSOCK_NAME once, at its
 * first connection, so a later harness in the same process (a worker reused across files) must use the same path.
 */
const RUN_DIR_VARIABLE = 'KIOSK_TEST_PCSCD_DIR';

export async function startPrivatePcscd(): Promise<PrivatePcscd> {
  const unshare = requireProgram('unshare', 'util-linux');
  const pcscd = requireProgram('pcscd', 'pcscd');
  const socat = requireProgram('socat', 'socat');
  const ip = requireProgram('ip', 'iproute2');
  if (!existsSync(VPCD_DRIVER))
    throw new Error(`the vpcd driver ${VPCD_DRIVER} is missing: install the package vsmartcard-vpcd`);

  const dir = (process.env[RUN_DIR_VARIABLE] ??= mkdtempSync(join(tmpdir(), 'kiosk-pcscd-')));
  const work = mkdtempSync(join(tmpdir(), 'kiosk-pcscd-work-'));
  const relayDir = join(work, 'relay');
  const config = join(work, 'vpcd.conf');
  mkdirSync(relayDir);
  // One vpcd entry serves two readers, on its port and the next.
  writeFileSync(
    config,
    `FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:${VPCD_PORTS[0]}\nLIBPATH ${VPCD_DRIVER}\n` +
      `CHANNELID ${VPCD_PORTS[0]}\n`,
  );
  process.env['PCSCLITE_CSOCK_NAME'] = join(dir, 'pcscd.comm');
  const relays: VpcdRelay[] = [];
  for (const slot of [0, 1]) relays.push(await relayToUnixSocket(join(relayDir, `vpcd-${slot}.sock`)));

  let child: ChildProcess | undefined;
  let log = '';
  // pcscd and its two socats share a process group: signals go to all three.
  const signal = (proc: ChildProcess, name: NodeJS.Signals): void => {
    try {
      if (proc.pid) process.kill(-proc.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  const killOnExit = (): void => {
    if (child) signal(child, 'SIGKILL');
  };
  process.on('exit', killOnExit);

  const start = async (): Promise<void> => {
    if (child) throw new Error('the private pcscd is already running');
    // A killed pcscd leaves its socket and pid file behind; start from an empty folder.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    // Root (as in CI) makes the namespaces directly; elsewhere a user namespace may allow it.
    const rootless = process.getuid?.() === 0 ? [] : ['--map-root-user'];
    const args = ['--mount', '--net', '--propagation', 'private', 'sh', '-c', NAMESPACE_SCRIPT, 'sh'];
    const proc = spawn(unshare, [...rootless, ...args, dir, relayDir, config, pcscd, socat, ip], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    log = '';
    const append = (chunk: Buffer): void => {
      log = (log + chunk.toString('utf8')).slice(-64_000);
    };
    proc.stdout?.on('data', append);
    proc.stderr?.on('data', append);
    proc.once('exit', () => {
      if (child === proc) child = undefined;
    });
    const listening = (port: number): boolean => log.includes(`Waiting for virtual ICC on port ${port}`);
    const ready =
      (await outputSatisfies(
        proc,
        () => log,
        (text) => text.includes('daemon ready'),
        READY_TIMEOUT_MS,
      )) &&
      (await fileAppears(join(dir, 'pcscd.comm'), READY_TIMEOUT_MS)) &&
      (await fileAppears(join(relayDir, 'vpcd-0.sock'), READY_TIMEOUT_MS)) &&
      (await fileAppears(join(relayDir, 'vpcd-1.sock'), READY_TIMEOUT_MS));
    if (!ready || !VPCD_PORTS.every(listening)) {
      signal(proc, 'SIGKILL');
      await exitsWithin(proc, STOP_TIMEOUT_MS);
      throw new Error(`the private pcscd did not start with its two vpcd readers. Its output:\n${log}`);
    }
  };

  const halt = async (name: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (!proc) return;
    signal(proc, name);
    if (await exitsWithin(proc, STOP_TIMEOUT_MS)) return;
    signal(proc, 'SIGKILL');
    await exitsWithin(proc, STOP_TIMEOUT_MS);
  };

  await start();
  return {
    ports: [relays[0]?.port ?? 0, relays[1]?.port ?? 0],
    readerNames: ['Virtual PCD 00 00', 'Virtual PCD 00 01'],
    kill: () => halt('SIGKILL'),
    start,
    running: () => child !== undefined,
    output: () => log,
    async stop() {
      await halt('SIGTERM');
      process.off('exit', killOnExit);
      for (const relay of relays) await relay.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}
