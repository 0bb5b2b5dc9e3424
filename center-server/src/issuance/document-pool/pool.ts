/**
 * A small pool of worker threads that each run one job at a time, in arrival order. Workers are made by a factory,
 * so the queueing and the failure handling are tested with fakes; `document-pool.ts` supplies real threads.
 */

/** What a worker tells the pool. `threw` is a bug inside one job: that job fails, the worker carries on. */
export type WorkerSignal<Answer> =
  | { readonly kind: 'ready' }
  | { readonly kind: 'start-failed'; readonly detail: string }
  | { readonly kind: 'done'; readonly id: number; readonly answer: Answer }
  | { readonly kind: 'threw'; readonly id: number; readonly detail: string }
  | { readonly kind: 'exited'; readonly detail: string };

export interface PoolWorker<Job> {
  send(id: number, job: Job): void;
  terminate(): Promise<void>;
}

/** Makes a worker that reports through `signal`, always asynchronously (as a thread's events arrive). */
export type SpawnWorker<Job, Answer> = (signal: (s: WorkerSignal<Answer>) => void) => PoolWorker<Job>;

export interface PoolOptions<Job, Answer> {
  /** Names the workers in error messages, e.g. `certificate compose worker`. */
  readonly name: string;
  readonly size: number;
  readonly spawn: SpawnWorker<Job, Answer>;
  /** Jobs waiting beyond this are refused at once: their answer would come too late to be of use. */
  readonly maxQueued: number;
}

export interface PoolStats {
  readonly size: number;
  /** Workers started and able to take a job. */
  readonly ready: number;
  readonly busy: number;
  readonly queued: number;
  readonly completed: number;
  /** Workers replaced after they stopped. */
  readonly restarts: number;
}

export interface WorkerPool<Job, Answer> {
  run(job: Job): Promise<Answer>;
  close(): Promise<void>;
  stats(): PoolStats;
}

interface Pending<Job, Answer> {
  readonly id: number;
  readonly job: Job;
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

interface Slot<Job, Answer> {
  worker: PoolWorker<Job> | undefined;
  /** Which spawn the slot holds: a replaced worker's late signals are ignored. */
  generation: number;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  job: Pending<Job, Answer> | undefined;
}

/** Resolves once every worker has started; rejects (with every worker stopped) if one cannot start. */
export function startWorkerPool<Job, Answer>(
  options: PoolOptions<Job, Answer>,
): Promise<WorkerPool<Job, Answer>> {
  if (!Number.isInteger(options.size) || options.size < 1) {
    return Promise.reject(new Error(`a worker pool needs at least one worker, not ${options.size}`));
  }
  const slots: Slot<Job, Answer>[] = [];
  const queue: Pending<Job, Answer>[] = [];
  let nextId = 1;
  let completed = 0;
  let restarts = 0;
  let closed = false;
  let started = false;
  /** Why no worker is left, once replacements could not start either. */
  let broken: string | undefined;
  let startup: { resolve(): void; reject(e: Error): void } | undefined;

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.state !== 'idle' || !slot.worker) continue;
      const job = queue.shift();
      if (!job) return;
      slot.state = 'busy';
      slot.job = job;
      try {
        slot.worker.send(job.id, job.job);
      } catch (e) {
        // The job could not be posted (not cloneable): a bug in the caller, not the worker's.
        slot.state = 'idle';
        slot.job = undefined;
        job.reject(new Error(`a job could not be sent to the ${options.name}: ${(e as Error).message}`));
      }
    }
  };

  const finish = (slot: Slot<Job, Answer>, id: number, outcome: (p: Pending<Job, Answer>) => void): void => {
    const job = slot.job;
    if (slot.state !== 'busy' || !job || job.id !== id) return;
    slot.state = 'idle';
    slot.job = undefined;
    completed += 1;
    outcome(job);
    dispatch();
  };

  const lost = (slot: Slot<Job, Answer>, detail: string): void => {
    const wasStarting = slot.state === 'starting';
    slot.job?.reject(new Error(`${options.name} stopped during a job (${detail})`));
    slot.state = 'gone';
    slot.job = undefined;
    void slot.worker?.terminate();
    slot.worker = undefined;
    if (closed) return;
    if (!started) {
      void close().then(() => startup?.reject(new Error(`${options.name} could not start: ${detail}`)));
      return;
    }
    // A replacement that cannot start is not retried: the cause (keys, fonts) needs an operator, not a loop.
    if (!wasStarting) {
      restarts += 1;
      spawnInto(slot);
    } else if (slots.every((s) => s.state === 'gone')) {
      broken = detail;
      for (const job of queue.splice(0)) job.reject(new Error(`no ${options.name} can start: ${detail}`));
    }
  };

  const spawnInto = (slot: Slot<Job, Answer>): void => {
    slot.state = 'starting';
    slot.generation += 1;
    const generation = slot.generation;
    try {
      slot.worker = options.spawn((signal) => {
        if (slot.generation === generation && slot.state !== 'gone' && !closed) handle(slot, signal);
      });
    } catch (e) {
      lost(slot, (e as Error).message);
    }
  };

  const handle = (slot: Slot<Job, Answer>, signal: WorkerSignal<Answer>): void => {
    switch (signal.kind) {
      case 'ready':
        if (slot.state !== 'starting') return;
        slot.state = 'idle';
        if (!started && slots.every((s) => s.state === 'idle')) {
          started = true;
          startup?.resolve();
        }
        return dispatch();
      case 'done':
        return finish(slot, signal.id, (job) => job.resolve(signal.answer));
      case 'threw':
        return finish(slot, signal.id, (job) => job.reject(new Error(signal.detail)));
      case 'start-failed':
      case 'exited':
        return lost(slot, signal.detail);
    }
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    const stopped = new Error(`the ${options.name} pool is closed`);
    for (const job of queue.splice(0)) job.reject(stopped);
    const workers: PoolWorker<Job>[] = [];
    for (const slot of slots) {
      slot.job?.reject(stopped);
      if (slot.worker) workers.push(slot.worker);
      slot.state = 'gone';
      slot.job = undefined;
      slot.worker = undefined;
    }
    await Promise.all(workers.map((w) => w.terminate()));
  };

  const pool: WorkerPool<Job, Answer> = {
    run(job) {
      if (closed) return Promise.reject(new Error(`the ${options.name} pool is closed`));
      if (broken) return Promise.reject(new Error(`no ${options.name} can start: ${broken}`));
      if (queue.length >= options.maxQueued) {
        return Promise.reject(
          new Error(`the ${options.name} pool is overloaded (${queue.length} jobs waiting)`),
        );
      }
      return new Promise<Answer>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    close,
    stats() {
      const count = (state: Slot<Job, Answer>['state']) => slots.filter((s) => s.state === state).length;
      return {
        size: options.size,
        ready: count('idle') + count('busy'),
        busy: count('busy'),
        queued: queue.length,
        completed,
        restarts,
      };
    },
  };

  return new Promise((resolve, reject) => {
    startup = { resolve: () => resolve(pool), reject };
    for (let i = 0; i < options.size; i += 1) {
      const slot: Slot<Job, Answer> = { worker: undefined, generation: 0, state: 'starting', job: undefined };
      slots.push(slot);
    }
    // Spawn only once every slot exists, so that one worker's readiness is judged against all of them.
    for (const slot of slots) if (!closed) spawnInto(slot);
  });
}
