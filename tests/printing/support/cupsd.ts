/**
 * A private cupsd for the A4 printer tests, with a cups-pdf queue as "paper" and fake backends for faults. It never
 * touches a cupsd already on the machine, its socket or /etc/cups. How it is set up, and why:
 * - `cupsd -f -c cupsd.conf -s cups-files.conf` with ServerRoot, RequestRoot (spool), TempDir, CacheDir, StateDir,
 *   the logs and Printcap all in one temp folder; it listens only on a Unix socket there and on 127.0.0.1:<port>,
 *   with browsing off. An empty PageLogFormat turns off the page log, which would keep every job's title (a
 *   certificate ID); a blank PageLog, which the manual offers for that, crashes cupsd 2.4.2 at the first page.
 * - PreserveJobFiles No: cupsd deletes a job's document the moment the job ends. PreserveJobHistory is a time, not
 *   No: with No cupsd forgets a job the instant it ends, and nobody can then read whether it completed or aborted
 *   (the driver must not guess whether a certificate is on paper). The driver purges each job once it has read its
 *   end; the history window here is long, so the tests prove that purge, not a timer. DirtyCleanInterval 0 makes
 *   cupsd write job control files (c*) at once, so the spool shows all it keeps.
 * - cups-pdf (3.0.1) reads its settings only from the compiled-in /etc/cups (cups-pdf.conf, or cups-pdf-<name>.conf
 *   for the device URI cups-pdf:/<name>), and its paths cannot come from the PPD: CUPS cuts a PPD default at the
 *   first "/". So cupsd runs in its own mount namespace (`unshare --mount`) where a folder of ours, holding our
 *   cups-pdf.conf (Out, Spool, Log, GSTmp all in the temp folder), is bound on /etc/cups. Nobody else sees it.
 * - cups-pdf runs as root (cupsd runs a backend as root when its file is mode 0700, as Debian installs it) and
 *   switches to the job owner to write the PDF; that, and the namespace, need root, as CI has. cupsd refuses a
 *   backend that is not root's or is writable by group or others ("insecure permissions"): the private ServerBin is
 *   a 0755 folder of links to the system's filter, daemon, … folders, and its backend/ holds a link to the real
 *   cups-pdf plus the fake backends (0755 shell scripts, run as lp).
 * - The queue's PPD is cups-pdf's own plus `*cupsManualCopies: True`: the filters then put every copy on paper, and
 *   the copies can be counted in the output. With the stock PPD copies are left to the "printer" and cups-pdf
 *   writes one. On hosts where AppArmor confines cups-pdf (Ubuntu) it may not write into a temp folder.
 * A missing cupsd, cups-pdf, ipptool or unshare is an error, never a skip: scripts/install-system-packages.sh
 * installs them.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exitsWithin, fileAppears, requireProgram } from '../../card/support/process.js';
import { cupsdConf, cupsFilesConf, cupsPdfConf, FAKE_BACKENDS, type FakeBackend } from './cupsd-files.js';

const SYSTEM_SERVER_BIN = '/usr/lib/cups';
const CUPS_PDF_BACKEND = `${SYSTEM_SERVER_BIN}/backend/cups-pdf`;
const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

const run = promisify(execFile);

export interface PrivateCupsd {
  /** cupsd's Unix socket: give it to the driver as its server. */
  readonly socket: string;
  /** 127.0.0.1:<port>, the same cupsd over TCP. */
  readonly address: string;
  /** RequestRoot: where cupsd keeps job documents (d*) and control files (c*). */
  readonly spoolDir: string;
  /** Where cups-pdf writes what it "prints". */
  readonly paperDir: string;
  addPdfQueue(name: string): Promise<void>;
  addFakeQueue(name: string, backend: FakeBackend): Promise<void>;
  /** Runs a CUPS client tool (lpstat, cupsdisable, …) against this cupsd; its stdout. */
  client(program: string, args: readonly string[]): Promise<string>;
  /** The spool's job files (c<job> control files, d<job>-<doc> documents) and what filters left in its tmp/. */
  spoolFiles(): string[];
  errorLog(): string;
  /** False once cupsd has exited (a crash shows in errorLog()). */
  running(): boolean;
  stop(): Promise<void>;
}

export async function startPrivateCupsd(): Promise<PrivateCupsd> {
  if (process.getuid?.() !== 0)
    throw new Error(
      'the private cupsd needs root (as CI has): cups-pdf runs as root, unshare --mount needs it',
    );
  const cupsd = requireProgram('cupsd', 'cups');
  const unshare = requireProgram('unshare', 'util-linux');
  requireProgram('mount', 'mount');
  for (const [tool, pkg] of [
    ['lp', 'cups-client'],
    ['lpadmin', 'cups-client'],
    ['lpstat', 'cups-client'],
    ['cupsdisable', 'cups-client'],
    ['ipptool', 'cups-ipp-utils'],
    ['gs', 'ghostscript'],
  ] as const)
    requireProgram(tool, pkg);
  for (const file of [CUPS_PDF_BACKEND, CUPS_PDF_PPD])
    if (!existsSync(file)) throw new Error(`${file} is missing: install the package printer-driver-cups-pdf`);

  const dir = mkdtempSync(join(tmpdir(), 'kiosk-cupsd-'));
  chmodSync(dir, 0o755);
  const path = (...parts: string[]) => join(dir, ...parts);
  const folders = ['conf/ppd', 'conf/ssl', 'spool/tmp', 'cache', 'state', 'log', 'server-bin/backend'];
  for (const folder of [...folders, 'etc-cups', 'paper', 'cups-pdf-spool'])
    mkdirSync(path(folder), { recursive: true });
  for (const entry of readdirSync(SYSTEM_SERVER_BIN))
    if (entry !== 'backend') symlinkSync(join(SYSTEM_SERVER_BIN, entry), path('server-bin', entry));
  symlinkSync(CUPS_PDF_BACKEND, path('server-bin/backend/cups-pdf'));
  for (const [name, script] of Object.entries(FAKE_BACKENDS))
    writeFileSync(path('server-bin/backend', name), script, { mode: 0o755 });
  const ppd = readFileSync(CUPS_PDF_PPD, 'utf8').replace(/^\*LanguageLevel:/m, '*cupsManualCopies: True\n$&');
  writeFileSync(path('cups-pdf.ppd'), ppd);

  const socket = path('cupsd.sock');
  const port = await freePort();
  writeFileSync(path('conf/cupsd.conf'), cupsdConf({ socket, port }));
  writeFileSync(path('conf/cups-files.conf'), cupsFilesConf(dir));
  writeFileSync(path('etc-cups/cups-pdf.conf'), cupsPdfConf(dir));

  const env = { ...process.env, CUPS_SERVER: socket, LC_ALL: 'C', LANG: 'C' };
  const client = async (program: string, args: readonly string[]): Promise<string> =>
    (await run(program, [...args], { env })).stdout;

  let output = '';
  const script = 'mount --bind "$1" /etc/cups && exec "$2" -f -c "$3" -s "$4"';
  const args = ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh'];
  const child: ChildProcess = spawn(
    unshare,
    [...args, path('etc-cups'), cupsd, path('conf/cupsd.conf'), path('conf/cups-files.conf')],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-16_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  // cupsd, its filters and backends share the process group: a signal reaches them all.
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const killOnExit = (): void => signal('SIGKILL');
  process.on('exit', killOnExit);
  const errorLog = (): string => {
    try {
      return readFileSync(path('log/error_log'), 'utf8').slice(-16_000);
    } catch {
      return '';
    }
  };

  const stop = async (): Promise<void> => {
    signal('SIGTERM');
    if (!(await exitsWithin(child, STOP_TIMEOUT_MS))) {
      signal('SIGKILL');
      await exitsWithin(child, STOP_TIMEOUT_MS);
    }
    process.off('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };

  const ready =
    (await fileAppears(socket, READY_TIMEOUT_MS)) &&
    (await schedulerAnswers(() => client('lpstat', ['-r']), child, READY_TIMEOUT_MS));
  if (!ready) {
    const log = `${output}\n${errorLog()}`;
    await stop();
    throw new Error(`the private cupsd did not start. Its output and error log:\n${log}`);
  }

  return {
    socket,
    address: `127.0.0.1:${port}`,
    spoolDir: path('spool'),
    paperDir: path('paper'),
    async addPdfQueue(name) {
      await client('lpadmin', ['-p', name, '-E', '-v', 'cups-pdf:/', '-P', path('cups-pdf.ppd')]);
    },
    async addFakeQueue(name, backend) {
      await client('lpadmin', ['-p', name, '-E', '-v', `${backend}:/`, '-m', 'raw']);
    },
    client,
    spoolFiles: () => [
      ...readdirSync(path('spool')).filter((name) => /^[cd]\d/.test(name)),
      ...readdirSync(path('spool/tmp')).map((name) => `tmp/${name}`),
    ],
    errorLog,
    running: () => child.exitCode === null && child.signalCode === null,
    stop,
  };
}

/**
 * Resolves true once `lpstat -r` says the scheduler runs, false when cupsd exits or `ms` pass. The socket exists
 * before cupsd accepts on it, hence the retries.
 */
async function schedulerAnswers(
  lpstat: () => Promise<string>,
  cupsd: ChildProcess,
  ms: number,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && cupsd.exitCode === null && cupsd.signalCode === null) {
    const answer = await lpstat().catch(() => '');
    if (answer.includes('scheduler is running')) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
