/** Small helpers for the card tests' child processes: finding programs, free ports, waiting on events. */
import { type ChildProcess } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';

/** The program's path (PATH, then the sbin folders a non-root PATH may lack); throws naming its package. */
export function requireProgram(name: string, debianPackage: string): string {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `${name} is not installed: run scripts/install-system-packages.sh (package ${debianPackage})`,
    );
  return found;
}

/** Resolves true when the process exits within `ms`. */
export function exitsWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Resolves true once `text()` satisfies `done`, checked on each output chunk of `child`; false when the child
 * exits first or `ms` pass.
 */
export function outputSatisfies(
  child: ChildProcess,
  text: () => string,
  done: (text: string) => boolean,
  ms: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (result: boolean): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('close', exited);
      resolve(result);
    };
    // Listeners run after the harness's own, so text() already holds the new chunk.
    const check = (): void => {
      if (done(text())) finish(true);
    };
    const exited = (): void => finish(done(text()));
    const timer = setTimeout(() => finish(false), ms);
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('close', exited);
    check();
  });
}

/** Resolves true once `path` exists (watching its folder), false after `ms`. */
export function fileAppears(path: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(path), (_event, name) => {
      if (name === basename(path) && existsSync(path)) finish(true);
    });
    const timer = setTimeout(() => finish(false), ms);
    const finish = (result: boolean): void => {
      clearTimeout(timer);
      watcher.close();
      resolve(result);
    };
    if (existsSync(path)) finish(true);
  });
}
