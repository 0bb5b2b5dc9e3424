/**
 * Runs one CUPS command-line tool (lp, ipptool) as a child process, feeding it stdin from memory: the PDF goes
 * to lp through a pipe and is never written to a file on the kiosk.
 */
import { spawn } from 'node:child_process';
import { err, ok, type Result } from '@kiosk/protocol';

export interface CommandOutput {
  /** null when the process was killed (its time ran out). */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommandOptions {
  readonly input?: Uint8Array | string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
}

/** Fails only when the program cannot be started; a non-zero exit is an output like any other. */
export type CommandRunner = (
  program: string,
  args: readonly string[],
  options: CommandOptions,
) => Promise<Result<CommandOutput, string>>;

/** ipptool's answers are a few kilobytes; anything past this is noise that must not grow the agent. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

export const runCommand: CommandRunner = (program, args, options) =>
  new Promise((resolve) => {
    const child = spawn(program, args, {
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
    });
    const collect = (): { add: (chunk: Buffer) => void; text: () => string } => {
      const chunks: Buffer[] = [];
      let size = 0;
      return {
        add: (chunk) => {
          if (size < MAX_OUTPUT_BYTES) chunks.push(chunk);
          size += chunk.length;
        },
        text: () => Buffer.concat(chunks).toString('utf8'),
      };
    };
    const stdout = collect();
    const stderr = collect();
    let settled = false;
    child.stdout.on('data', stdout.add);
    child.stderr.on('data', stderr.add);
    child.once('error', (error) => {
      if (settled) return;
      settled = true;
      resolve(err(`${program}: ${error.message}`));
    });
    child.once('close', (code) => {
      if (settled) return;
      settled = true;
      resolve(ok({ exitCode: code, stdout: stdout.text(), stderr: stderr.text() }));
    });
    // A tool that exits before reading all of stdin (lp refusing the queue) closes the pipe: its exit code and
    // message say why, so the EPIPE here carries nothing more.
    child.stdin.on('error', () => {});
    const input = options.input;
    if (input === undefined) child.stdin.end();
    else if (typeof input === 'string') child.stdin.end(input);
    else child.stdin.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  });
