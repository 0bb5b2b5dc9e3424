/**
 * A fake Epson-compatible receipt printer on one end of a serial line: it records what it is sent, splits it into
 * jobs at each cut, and answers `DLE EOT n` from a settable state, as a TM-T88 would (bit table in kiosk-agent).
 */
import { EventEmitter, once } from 'node:events';
import { SerialPort } from 'serialport';

export type PrinterState = 'ready' | 'near_end' | 'paper_out' | 'cover_open' | 'silent';

/** Replies to n = 1, 2, 3, 4. Bits 1 and 4 are always on; paper out and cover open put the printer off-line. */
const REPLIES: Record<Exclude<PrinterState, 'silent'>, Record<1 | 2 | 3 | 4, number>> = {
  ready: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  near_end: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e },
  paper_out: { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 },
  cover_open: { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
};

const DLE = 0x10;
const EOT = 0x04;

export class FakeEscPosPrinter {
  /** What the printer answers from now on; `silent` answers nothing, like a printer switched off. */
  state: PrinterState = 'ready';
  /** Jobs as received, each ending with `GS V` (cut); status requests are not part of them. */
  readonly jobs: Buffer[] = [];
  /** The n of each `DLE EOT n` received. */
  readonly queries: number[] = [];
  private current: number[] = [];
  /** Bytes of a status request split across two reads. */
  private partial: number[] = [];
  private readonly events = new EventEmitter();

  private constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  static async open(path: string): Promise<FakeEscPosPrinter> {
    const port = new SerialPort({ path, baudRate: 38_400, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new FakeEscPosPrinter(port);
  }

  /** Resolves with the next job to end with a cut. */
  async nextJob(): Promise<Buffer> {
    const [job] = (await once(this.events, 'job')) as [Buffer];
    return job;
  }

  async close(): Promise<void> {
    if (this.port.isOpen) await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  /** Real-time requests are picked out of the stream wherever they come, as the printer itself does. */
  private receive(chunk: Buffer): void {
    const bytes = [...this.partial, ...chunk];
    this.partial = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === DLE && (i + 1 === bytes.length || bytes[i + 1] === EOT)) {
        if (i + 2 >= bytes.length) {
          this.partial = bytes.slice(i);
          return;
        }
        this.answer(bytes[i + 2] as number);
        i += 2;
      } else this.take(bytes[i] as number);
    }
  }

  private answer(n: number): void {
    this.queries.push(n);
    if (this.state === 'silent' || n < 1 || n > 4) return;
    this.port.write(Buffer.of(REPLIES[this.state][n as 1 | 2 | 3 | 4]));
  }

  private take(byte: number): void {
    this.current.push(byte);
    const c = this.current;
    const n = c.length;
    // GS V 65/66 n: the cut that ends a receipt.
    if (n >= 4 && c[n - 4] === 0x1d && c[n - 3] === 0x56 && (c[n - 2] === 65 || c[n - 2] === 66)) {
      const job = Buffer.from(c);
      this.current = [];
      this.jobs.push(job);
      this.events.emit('job', job);
    }
  }
}

/** A job split into its commands and its printed lines (Shift-JIS decoded), to check what the paper shows. */
export function decodeJob(job: Buffer): { commands: string[]; lines: string[] } {
  const commands: string[] = [];
  const lines: string[] = [];
  let text: number[] = [];
  const sjis = new TextDecoder('shift_jis', { fatal: true });
  let i = 0;
  while (i < job.length) {
    const b = job[i] as number;
    const arg = (k: number): number => job[i + k] as number;
    if (b === 0x0a) {
      lines.push(sjis.decode(Uint8Array.from(text)));
      text = [];
      i += 1;
    } else if (b === 0x1b) {
      const c = String.fromCharCode(arg(1));
      if (c === '@') commands.push('ESC @');
      else if ('taEdR!'.includes(c)) commands.push(`ESC ${c} ${arg(2)}`);
      else throw new Error(`unknown command ESC ${arg(1)}`);
      i += c === '@' ? 2 : 3;
    } else if (b === 0x1c) {
      const c = String.fromCharCode(arg(1));
      if (c === '&' || c === '.') commands.push(`FS ${c}`);
      else if (c === 'C') commands.push(`FS C ${arg(2)}`);
      else throw new Error(`unknown command FS ${arg(1)}`);
      i += c === 'C' ? 3 : 2;
    } else if (b === 0x1d) {
      const c = String.fromCharCode(arg(1));
      if (c === '!') commands.push(`GS ! ${arg(2)}`);
      else if (c === 'V') commands.push(`GS V ${arg(2)} ${arg(3)}`);
      else throw new Error(`unknown command GS ${arg(1)}`);
      i += c === 'V' ? 4 : 3;
    } else if (b < 0x20) {
      throw new Error(`unexpected control byte ${b}`);
    } else {
      text.push(b);
      i += 1;
    }
  }
  if (text.length > 0) lines.push(sjis.decode(Uint8Array.from(text)));
  return { commands, lines };
}
