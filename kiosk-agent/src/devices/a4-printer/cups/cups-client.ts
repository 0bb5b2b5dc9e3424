/**
 * The CUPS server as four calls: submit a PDF (`lp`, reading it from stdin), read the printer, read a job, and
 * cancel-and-purge a job (`ipptool`, its request text piped to it). The server is a Unix socket path
 * (/run/cups/cups.sock) or host:port, given to lp through CUPS_SERVER and to ipptool in the printer URI.
 */
import { err, ok, type Result } from '@kiosk/protocol';
import {
  type IppAnswer,
  type JobAttributes,
  jobAttributes,
  parseIppAnswer,
  parseLpRequestId,
  type PrinterAttributes,
  printerAttributes,
} from './cups-output.js';
import type { CommandRunner } from './run-command.js';

/**
 * unreachable: no answer from cupsd (down, wrong address); refused: cupsd answered no (unknown queue…), or a tool
 * is missing on the kiosk: both need an operator.
 */
export type CupsError =
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'refused'; readonly detail: string };
export type SubmitError = CupsError | { readonly kind: 'not_accepting'; readonly detail: string };

export interface CupsClientOptions {
  readonly queue: string;
  readonly server: string;
  readonly run: CommandRunner;
  /** Bounds each tool run; lp streams the whole PDF within it. */
  readonly commandTimeoutMs: number;
}

/** The printer's IPP URI on that server; a socket path goes in the host part, percent-encoded, as CUPS reads it. */
export function printerUri(server: string, queue: string): string {
  const host = server.startsWith('/') ? encodeURIComponent(server) : server;
  return `ipp://${host}/printers/${encodeURIComponent(queue)}`;
}

const PRINTER_ATTRIBUTES = [
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
  'marker-names',
  'marker-types',
  'marker-colors',
  'marker-levels',
  'marker-low-levels',
];

/** One ipptool test (ipptoolfile(5)); `$uri` and `$user` are ipptool's own variables. */
export function ipptoolRequest(
  request: { readonly kind: 'printer' } | { readonly kind: 'job' | 'purge'; readonly jobId: number },
): string {
  if (request.kind !== 'printer' && !(Number.isSafeInteger(request.jobId) && request.jobId > 0))
    throw new RangeError(`not a CUPS job id: ${request.jobId}`);
  const lines = (operation: string, ...rest: string[]): string =>
    [
      '{',
      `  OPERATION ${operation}`,
      '  GROUP operation-attributes-tag',
      '  ATTR charset attributes-charset utf-8',
      '  ATTR naturalLanguage attributes-natural-language en',
      '  ATTR uri printer-uri $uri',
      ...rest.map((line) => `  ${line}`),
      '  ATTR name requesting-user-name $user',
      '  STATUS successful-ok',
      '}',
      '',
    ].join('\n');
  switch (request.kind) {
    case 'printer':
      return lines(
        'Get-Printer-Attributes',
        `ATTR keyword requested-attributes ${PRINTER_ATTRIBUTES.join(',')}`,
      );
    case 'job':
      // A job cupsd no longer knows is an answer too: the caller decides what that means.
      return lines(
        'Get-Job-Attributes',
        `ATTR integer job-id ${request.jobId}`,
        'ATTR keyword requested-attributes job-state,job-state-reasons,job-printer-state-reasons',
        'STATUS client-error-not-found',
      );
    case 'purge':
      // purge-job: cupsd drops the job's document and its history (the control file) at once. A job still
      // printing is only cancelled by this; a second purge, once it has stopped, removes it.
      return lines(
        'Cancel-Job',
        `ATTR integer job-id ${request.jobId}`,
        'ATTR boolean purge-job true',
        'STATUS client-error-not-found',
      );
  }
}

/**
 * ipptool reads its request from a file only, so it reads /dev/stdin, fed by printf. Through sh, because Node's
 * stdin for a child is a socket, which /dev/stdin cannot open; a pipe can be. Nothing is written to disk.
 */
const IPPTOOL_ON_STDIN = 'printf "%s" "$1" | exec ipptool -j -T "$2" "$3" /dev/stdin';

const firstLine = (text: string): string => (text.trim().split('\n')[0] ?? '').slice(0, 200);

export class CupsClient {
  private readonly uri: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: CupsClientOptions) {
    this.uri = printerUri(options.server, options.queue);
    // LC_ALL=C: lp's "request id is …" and its errors are read as English.
    this.env = { ...process.env, CUPS_SERVER: options.server, LC_ALL: 'C', LANG: 'C' };
  }

  /** Hands the PDF to cupsd through lp's stdin; the job id on success. */
  async submit(job: {
    readonly pdf: Uint8Array;
    readonly copies: number;
    readonly title: string;
  }): Promise<Result<number, SubmitError>> {
    const args = ['-d', this.options.queue, '-n', String(job.copies), '-t', job.title, '-'];
    const ran = await this.options.run('lp', args, {
      input: job.pdf,
      env: this.env,
      timeoutMs: this.options.commandTimeoutMs,
    });
    if (!ran.ok) return err({ kind: 'refused', detail: ran.error });
    const { exitCode, stdout, stderr } = ran.value;
    const jobId = exitCode === 0 ? parseLpRequestId(stdout) : undefined;
    if (jobId !== undefined) return ok(jobId);
    const detail = firstLine(stderr) || firstLine(stdout) || `lp exited with ${exitCode ?? 'a timeout'}`;
    if (/not accepting jobs/i.test(stderr)) return err({ kind: 'not_accepting', detail });
    if (exitCode === null || /unable to connect|connection refused/i.test(stderr))
      return err({ kind: 'unreachable', detail });
    return err({ kind: 'refused', detail });
  }

  async printer(): Promise<Result<PrinterAttributes, CupsError>> {
    const answer = await this.ipp({ kind: 'printer' });
    if (!answer.ok) return answer;
    const attributes = printerAttributes(answer.value);
    return attributes
      ? ok(attributes)
      : err({ kind: 'refused', detail: 'no printer attributes in the answer' });
  }

  /** The job, or 'gone' when cupsd no longer knows it. */
  async job(jobId: number): Promise<Result<JobAttributes | 'gone', CupsError>> {
    const answer = await this.ipp({ kind: 'job', jobId });
    if (!answer.ok) return answer;
    return ok(jobAttributes(answer.value) ?? 'gone');
  }

  async purge(jobId: number): Promise<Result<void, CupsError>> {
    const answer = await this.ipp({ kind: 'purge', jobId });
    return answer.ok ? ok(undefined) : answer;
  }

  private async ipp(request: Parameters<typeof ipptoolRequest>[0]): Promise<Result<IppAnswer, CupsError>> {
    const seconds = String(Math.max(1, Math.ceil(this.options.commandTimeoutMs / 1000)));
    const ran = await this.options.run(
      'sh',
      ['-c', IPPTOOL_ON_STDIN, 'sh', ipptoolRequest(request), seconds, this.uri],
      {
        env: this.env,
        timeoutMs: this.options.commandTimeoutMs + 1000,
      },
    );
    if (!ran.ok) return err({ kind: 'refused', detail: ran.error });
    const { exitCode, stdout, stderr } = ran.value;
    if (exitCode === 127)
      return err({ kind: 'refused', detail: 'ipptool is not installed (cups-ipp-utils)' });
    const answer = parseIppAnswer(stdout);
    // Exit 0: the status was one the request allows. Otherwise cupsd's message, or ipptool's when none came.
    if (exitCode === 0 && answer) return ok(answer);
    if (answer)
      return err({ kind: 'refused', detail: (answer.statusMessage ?? 'request refused').slice(0, 200) });
    return err({
      kind: 'unreachable',
      detail: firstLine(stderr) || `ipptool exited with ${exitCode ?? 'a timeout'}`,
    });
  }
}
