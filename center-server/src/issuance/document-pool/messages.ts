/**
 * What crosses between the centre's main thread and a compose worker. The applicant's data travels only in these
 * messages, in memory; nothing is written anywhere on the way.
 */
import type { CertificateContent, IssueError, KeyRingConfig } from '@kiosk/certificate';
import type { Result } from '@kiosk/protocol';
import type { WorkerSignal } from './pool.js';

/** Given to each worker at its start (`workerData`): where the keys are and which of them signs. */
export interface WorkerSetup {
  readonly certsDir: string | undefined;
  readonly signing: KeyRingConfig;
}

/** One document to make. Only data crosses: the worker signs with its own keys (see worker.ts). */
export interface ComposeJob {
  readonly content: CertificateContent;
  /** The SHC `iss`. */
  readonly issuer: string;
  /** The issuance time, milliseconds since the epoch. */
  readonly now: number;
}

export type ComposeAnswer = Result<Uint8Array, IssueError>;

export interface JobMessage {
  readonly id: number;
  readonly job: ComposeJob;
}

/** A worker posts every signal but `exited`, which the pool learns from the thread's own exit event. */
export type WorkerMessage = Exclude<WorkerSignal<ComposeAnswer>, { kind: 'exited' }>;
