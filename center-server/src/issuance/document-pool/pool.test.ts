/** The pool's queueing and failure handling, with fake workers the test drives: no threads, no timing. */
import { describe, expect, it } from 'vitest';
import { startWorkerPool, type PoolWorker, type WorkerSignal } from './pool.js';

/** A worker the test answers for. Signals arrive asynchronously, as a thread's events do. */
class FakeWorker implements PoolWorker<string> {
  readonly sent: { id: number; job: string }[] = [];
  terminated = false;
  constructor(private readonly signal: (s: WorkerSignal<string>) => void) {}
  send(id: number, job: string): void {
    this.sent.push({ id, job });
  }
  async terminate(): Promise<void> {
    this.terminated = true;
  }
  emit(s: WorkerSignal<string>): Promise<void> {
    return Promise.resolve().then(() => this.signal(s));
  }
  /** Answers the job last sent with its text upper-cased. */
  answerLast(): Promise<void> {
    const last = this.sent.at(-1);
    if (!last) throw new Error('no job was sent to this worker');
    return this.emit({ kind: 'done', id: last.id, answer: last.job.toUpperCase() });
  }
}

interface Harness {
  readonly workers: FakeWorker[];
  readonly started: ReturnType<typeof startWorkerPool<string, string>>;
}

function harness(size: number, maxQueued = 100): Harness {
  const workers: FakeWorker[] = [];
  const started = startWorkerPool<string, string>({
    name: 'test worker',
    size,
    maxQueued,
    spawn: (signal) => {
      const worker = new FakeWorker(signal);
      workers.push(worker);
      return worker;
    },
  });
  return { workers, started };
}

async function readyPool(size: number, maxQueued?: number) {
  const h = harness(size, maxQueued);
  await Promise.all(h.workers.map((w) => w.emit({ kind: 'ready' })));
  return { ...h, pool: await h.started };
}

/** Lets queued microtasks (the fakes' signals and the pool's reactions) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the worker pool', () => {
  it('gives each worker one job at a time, in arrival order, and answers each caller with its own result', async () => {
    const { pool, workers } = await readyPool(2);
    const answers = ['a', 'b', 'c'].map((job) => pool.run(job));
    expect(workers.map((w) => w.sent.map((s) => s.job))).toEqual([['a'], ['b']]);
    expect(pool.stats()).toMatchObject({ ready: 2, busy: 2, queued: 1 });

    await workers[1]!.answerLast();
    await settle();
    expect(workers.map((w) => w.sent.map((s) => s.job))).toEqual([['a'], ['b', 'c']]);
    await workers[0]!.answerLast();
    await workers[1]!.answerLast();
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C']);
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0, completed: 3 });
    await pool.close();
  });

  it('fails only the job that threw; the worker takes the next', async () => {
    const { pool, workers } = await readyPool(1);
    const failing = pool.run('bad');
    const next = pool.run('good');
    await workers[0]!.emit({ kind: 'threw', id: workers[0]!.sent[0]!.id, detail: 'composing threw: boom' });
    await expect(failing).rejects.toThrow('composing threw: boom');
    await settle();
    await workers[0]!.answerLast();
    expect(await next).toBe('GOOD');
    await pool.close();
  });

  it('answers the job of a worker that died with an error, replaces the worker, and goes on', async () => {
    const { pool, workers } = await readyPool(1);
    const lost = pool.run('first');
    const waiting = pool.run('second');
    await workers[0]!.emit({ kind: 'exited', detail: 'exit code 1: out of memory' });
    await expect(lost).rejects.toThrow('test worker stopped during a job (exit code 1: out of memory)');
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(pool.stats()).toMatchObject({ ready: 0, queued: 1, restarts: 1 });

    await workers[1]!.emit({ kind: 'ready' });
    expect(workers[1]!.sent.map((s) => s.job)).toEqual(['second']);
    await workers[1]!.answerLast();
    expect(await waiting).toBe('SECOND');
    await pool.close();
  });

  it('ignores what a replaced worker still says', async () => {
    const { pool, workers } = await readyPool(1);
    const job = pool.run('x');
    const id = workers[0]!.sent[0]!.id;
    await workers[0]!.emit({ kind: 'exited', detail: 'killed' });
    await expect(job).rejects.toThrow('stopped during a job');
    await workers[0]!.emit({ kind: 'ready' });
    await workers[0]!.emit({ kind: 'done', id, answer: 'late' });
    expect(pool.stats()).toMatchObject({ ready: 0, completed: 0 });
    await pool.close();
  });

  it('fails the start, with every worker stopped, when one worker cannot start', async () => {
    const { started, workers } = harness(2);
    await workers[0]!.emit({ kind: 'ready' });
    await workers[1]!.emit({ kind: 'start-failed', detail: 'certificate signing keys: no key' });
    await expect(started).rejects.toThrow('test worker could not start: certificate signing keys: no key');
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('does not retry a replacement that cannot start, and refuses work once no worker is left', async () => {
    const { pool, workers } = await readyPool(1);
    const lost = pool.run('first');
    const waiting = pool.run('second');
    await workers[0]!.emit({ kind: 'exited', detail: 'exit code 1' });
    await expect(lost).rejects.toThrow('stopped during a job');
    await workers[1]!.emit({ kind: 'start-failed', detail: 'fonts unavailable' });
    await expect(waiting).rejects.toThrow('no test worker can start: fonts unavailable');
    await expect(pool.run('third')).rejects.toThrow('no test worker can start');
    expect(workers).toHaveLength(2);
    await pool.close();
  });

  it('refuses a job at once when too many are already waiting', async () => {
    const { pool, workers } = await readyPool(1, 1);
    const busy = pool.run('in work');
    const queued = pool.run('waiting');
    await expect(pool.run('one too many')).rejects.toThrow('overloaded (1 jobs waiting)');
    await workers[0]!.answerLast();
    expect(await busy).toBe('IN WORK');
    await settle();
    await workers[0]!.answerLast();
    expect(await queued).toBe('WAITING');
    await pool.close();
  });

  it('on close refuses jobs in work, waiting and to come, and stops every worker', async () => {
    const { pool, workers } = await readyPool(1);
    const inWork = pool.run('a');
    const waiting = pool.run('b');
    await pool.close();
    await expect(inWork).rejects.toThrow('pool is closed');
    await expect(waiting).rejects.toThrow('pool is closed');
    await expect(pool.run('c')).rejects.toThrow('pool is closed');
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('refuses a size that is not a positive whole number', async () => {
    await expect(
      startWorkerPool({ name: 'w', size: 0, maxQueued: 1, spawn: () => undefined as never }),
    ).rejects.toThrow('at least one worker');
  });
});
