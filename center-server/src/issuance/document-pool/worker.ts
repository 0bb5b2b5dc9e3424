/**
 * One compose worker thread: loads the signing keys and prepares the fonts once, then signs the codes and composes
 * the PDF for one job at a time. The PDF goes back by transfer, not copy.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { devPkiPaths } from '@kiosk/certs';
import { issueCertificateDocument, prepareComposer } from '@kiosk/certificate';
import { loadCertificateKeys, type CertificateKeys } from '../../certificates/signing.js';
import type { ComposeAnswer, JobMessage, WorkerMessage, WorkerSetup } from './messages.js';

const port = parentPort;
if (!port) throw new Error('the compose worker runs only as a worker thread');
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
  port.postMessage(message, transfer);

async function start(setup: WorkerSetup): Promise<CertificateKeys | undefined> {
  try {
    // KeyRing and VdsSigner hold functions and cannot be posted: each worker loads its own from the same files
    // and configuration as the main thread (which pins the active kid, so both sign with the key it publishes).
    const keys = await loadCertificateKeys(devPkiPaths(setup.certsDir), setup.signing);
    const composer = prepareComposer();
    if (!composer.ok) throw new Error(`certificate composer: ${composer.error.detail}`);
    return keys;
  } catch (e) {
    post({ kind: 'start-failed', detail: (e as Error).message });
    return undefined;
  }
}

/** A PDF that owns its whole buffer is transferred as it is; a view into a larger one is copied once first. */
function transferable(answer: ComposeAnswer): { answer: ComposeAnswer; transfer: ArrayBuffer[] } {
  if (!answer.ok) return { answer, transfer: [] };
  const pdf = answer.value;
  const own =
    pdf.buffer instanceof ArrayBuffer && pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength
      ? (pdf as Uint8Array<ArrayBuffer>)
      : pdf.slice();
  return { answer: { ok: true, value: own }, transfer: [own.buffer] };
}

const keys = await start(workerData as WorkerSetup);
if (keys) {
  port.on('message', ({ id, job }: JobMessage) => {
    issueCertificateDocument(job.content, { ...keys, issuer: job.issuer, now: new Date(job.now) }).then(
      (result) => {
        const { answer, transfer } = transferable(result);
        post({ kind: 'done', id, answer }, transfer);
      },
      // A throw is a bug in composing this one document; the worker stays usable for the next.
      (e: unknown) => post({ kind: 'threw', id, detail: `composing threw: ${(e as Error).message}` }),
    );
  });
  post({ kind: 'ready' });
}
