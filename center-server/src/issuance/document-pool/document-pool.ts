/**
 * Certificates composed on worker threads, so that the centre uses every core: the main thread keeps TLS, the
 * line's signature checks and sqlite, while documents (~4 ms of CPU each) are signed and composed in parallel.
 */
import { Worker } from 'node:worker_threads';
import type { KeyRingConfig } from '@kiosk/certificate';
import type { DocumentIssuer } from '../pipeline.js';
import type { ComposeAnswer, ComposeJob, WorkerMessage, WorkerSetup } from './messages.js';
import {
  startWorkerPool,
  type PoolStats,
  type PoolWorker,
  type SpawnWorker,
  type WorkerSignal,
} from './pool.js';

export interface DocumentPoolOptions {
  /** Worker threads, each composing one document at a time. */
  readonly size: number;
  /** Dev PKI folder; undefined means the default certs/dev. */
  readonly certsDir?: string | undefined;
  /** The key ring configuration the workers load with; name the active kid so they sign with the published key. */
  readonly signing: KeyRingConfig;
  /** Documents waiting for a worker beyond which more are refused (default 1024, seconds of work). */
  readonly maxQueued?: number | undefined;
  /** Tests replace the threads; the default runs worker.ts (or worker.js when built). */
  readonly spawn?: SpawnWorker<ComposeJob, ComposeAnswer> | undefined;
}

export interface DocumentPool {
  /** A `DocumentIssuer`: the `keyRing` and `vds` it is given are not used, the workers sign with their own. */
  readonly issue: DocumentIssuer;
  stats(): PoolStats;
  /** Stops every worker; documents still waiting or in work are refused. */
  close(): Promise<void>;
}

/** Starts the workers and resolves once each has loaded the keys and fonts; a worker that cannot, fails the start. */
export async function createDocumentPool(options: DocumentPoolOptions): Promise<DocumentPool> {
  const setup: WorkerSetup = { certsDir: options.certsDir, signing: options.signing };
  const pool = await startWorkerPool<ComposeJob, ComposeAnswer>({
    name: 'certificate compose worker',
    size: options.size,
    maxQueued: options.maxQueued ?? 1024,
    spawn: options.spawn ?? ((signal) => composeThread(setup, signal)),
  });
  return {
    issue: (content, signing) => pool.run({ content, issuer: signing.issuer, now: signing.now.getTime() }),
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}

/** One real thread, its events turned into the pool's signals. */
function composeThread(
  setup: WorkerSetup,
  signal: (s: WorkerSignal<ComposeAnswer>) => void,
): PoolWorker<ComposeJob> {
  const worker = workerThread(setup);
  let failure = '';
  worker.on('message', (message: WorkerMessage) => signal(message));
  worker.on('error', (error) => (failure = `: ${error.message}`));
  worker.on('messageerror', (error) => (failure = `: ${error.message}`));
  worker.on('exit', (code) => signal({ kind: 'exited', detail: `exit code ${code}${failure}` }));
  return {
    send: (id, job) => worker.postMessage({ id, job }),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Built, this file is `document-pool.js` and the worker is `worker.js` beside it. From the TypeScript sources
 * (tsx, vitest) the worker is `worker.ts`, which plain Node cannot load, and Node 20 does not hand tsx's loader on
 * to worker threads: the thread registers tsx itself before it imports the worker.
 */
function workerThread(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData: setup });
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    throw new Error(
      'running from TypeScript sources needs tsx (a development dependency) in the workers: install it, run the ' +
        'built centre (npm run build), or compose in the main thread (composeWorkers 0)',
    );
  }
  const entry = new URL('./worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  // The sources import the workspaces' TypeScript through the `source` export condition, as under tsx and vitest.
  const execArgv = [...process.execArgv.filter((a) => a !== '--conditions=source'), '--conditions=source'];
  return new Worker(bootstrap, { eval: true, workerData: setup, execArgv });
}
