// Every file the generator touches goes through the ledger, so what was made and what was kept is always reported.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';

export const PRIVATE_MODE = 0o600;

export async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Write beside the target and rename, so a reader (or a crash) never sees half a key. */
async function writeAtomic(path: string, data: string, secret: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data, { mode: secret ? PRIVATE_MODE : 0o644, flag: 'wx' });
  // The umask could leave a private file even narrower; make it exactly 0600.
  if (secret) await chmod(tmp, PRIVATE_MODE);
  await rename(tmp, path);
}

export class Ledger {
  readonly created: string[] = [];
  readonly kept: string[] = [];

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void,
  ) {}

  rel(path: string): string {
    return relative(this.dir, path).split(sep).join('/');
  }

  async write(path: string, data: string, secret = false): Promise<void> {
    await writeAtomic(path, data, secret);
    this.created.push(this.rel(path));
    this.log(`created ${this.rel(path)}`);
  }

  async keep(path: string, secret = false): Promise<void> {
    // A private key copied in by hand may be world-readable; narrowing the mode leaves its bytes alone.
    if (secret && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, PRIVATE_MODE);
    this.kept.push(this.rel(path));
    this.log(`kept    ${this.rel(path)}`);
  }

  note(text: string): void {
    this.log(`note: ${text}`);
  }
}
