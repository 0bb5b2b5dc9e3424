// Test workers and the demo launcher may all generate into the same folder at once; without a lock two of them
// could each make a line CA and leave leaf certificates signed by the one that lost.
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';

const LOCK_FILE = '.generate.lock';
const POLL_MS = 50;
const GIVE_UP_MS = 120_000;

/** Creates the lock with its owner's pid already inside: link() is atomic and fails if the lock exists. */
async function tryTake(lockPath: string): Promise<boolean> {
  const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, `${process.pid}\n`);
  try {
    await link(tmp, lockPath);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}

/** A lock whose owner process has died (crash, kill -9) must not block the next run forever. */
async function ownerIsGone(lockPath: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number.parseInt(await readFile(lockPath, 'utf8'), 10);
  } catch {
    return false; // released meanwhile: the next attempt will take it
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function withDirLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lockPath = join(dir, LOCK_FILE);
  const giveUpAt = Date.now() + GIVE_UP_MS;
  while (!(await tryTake(lockPath))) {
    if (await ownerIsGone(lockPath)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > giveUpAt) throw new Error(`another generator still holds ${lockPath}`);
    // Waiting on another process that is generating right now; it releases within a few seconds.
    await wait(POLL_MS);
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
