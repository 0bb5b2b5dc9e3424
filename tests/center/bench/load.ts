/**
 * The simulated kiosks and the load they put on the centre. Each kiosk is a real LineClient: its own client
 * certificate from the dev PKI, its own keep-alive connections, every request signed. An issuance is the PDF call
 * followed by the `printed` outcome: only then is it a complete certificate.
 */
import { randomUUID } from 'node:crypto';
import { kioskId, readTlsMaterial } from '@kiosk/certs';
import { LineClient } from '@kiosk/kiosk-agent';
import type { Heartbeat } from '@kiosk/protocol';
import type { PooledCard } from './card-pool.js';
import { RunRecord } from './latency.js';

/** Base64 of "%PDF-": an answer that does not start so is counted as an error, not as a certificate. */
const PDF_MAGIC_B64 = 'JVBERi0';
/**
 * Issuances an open-loop run lets wait for an answer at once. Past this a due send is counted as an error and not
 * made, so that a centre far behind the offered rate cannot stretch a run into minutes of draining.
 */
const MAX_WAITING = 1_000;

export class KioskFleet {
  private readonly kiosks: LineClient[];
  private turn = 0;

  constructor(
    url: string,
    certsDir: string,
    count: number,
    private readonly cards: readonly PooledCard[],
  ) {
    this.kiosks = Array.from({ length: count }, (_, i) => {
      const id = kioskId(i + 1);
      return new LineClient({
        baseUrl: url,
        kioskId: id,
        tls: readTlsMaterial(certsDir, { kiosk: id }),
        // Past this an answer counts as an error, which bounds how long an overloaded run can drain.
        timeoutMs: 30_000,
      });
    });
  }

  get size(): number {
    return this.kiosks.length;
  }

  close(): void {
    for (const kiosk of this.kiosks) kiosk.close();
  }

  /**
   * Open loop: sends fall due every 1/rate seconds whatever the centre does, and latency counts from when a send
   * was due, so time spent queueing behind a slow answer is measured rather than hidden (no coordinated omission).
   */
  async openLoop(rate: number, durationS: number): Promise<RunRecord> {
    const record = new RunRecord();
    const total = Math.max(1, Math.round(rate * durationS));
    const interval = 1000 / rate;
    const start = record.startedAt;
    const inFlight: Promise<void>[] = [];
    let waiting = 0;
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = (): void => {
        const now = performance.now();
        for (; next < total && start + next * interval <= now; next++) {
          const due = start + next * interval;
          if (waiting >= MAX_WAITING) {
            record.fail(`not sent: ${MAX_WAITING} already waiting`);
            continue;
          }
          record.sendLag.push(now - due);
          const n = this.turn++;
          waiting++;
          const done = this.issueAndPrint(this.kioskAt(n), this.cardAt(n), due, record);
          inFlight.push(done.finally(() => waiting--));
        }
        if (next >= total) resolve();
        else setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      };
      tick();
    });
    await Promise.all(inFlight);
    return record;
  }

  /** Closed loop: `concurrency` kiosks each issue back to back for the duration: the most the centre completes. */
  async closedLoop(concurrency: number, durationS: number): Promise<RunRecord> {
    const record = new RunRecord();
    const deadline = record.startedAt + durationS * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        while (performance.now() < deadline) {
          const card = this.cardAt(this.turn++);
          await this.issueAndPrint(this.kioskAt(worker), card, performance.now(), record);
        }
      }),
    );
    return record;
  }

  /** Closed loop of heartbeats: every kiosk with `perKiosk` in flight, for the duration. */
  async heartbeats(perKiosk: number, durationS: number): Promise<RunRecord> {
    const record = new RunRecord();
    const deadline = record.startedAt + durationS * 1000;
    const workers = this.kiosks.flatMap((kiosk) => Array.from({ length: perKiosk }, () => kiosk));
    await Promise.all(
      workers.map(async (kiosk) => {
        let beats = 0;
        while (performance.now() < deadline) {
          const sent = performance.now();
          record.sent++;
          const ack = await kiosk.heartbeat(heartbeat(sent - record.startedAt, beats++));
          if (!ack.ok) {
            record.fail(ack.error.code);
            continue;
          }
          record.answered();
          record.latency.push(performance.now() - sent);
          record.completed++;
        }
      }),
    );
    return record;
  }

  private kioskAt(n: number): LineClient {
    const kiosk = this.kiosks[n % this.kiosks.length];
    if (!kiosk) throw new Error('a fleet needs at least one kiosk');
    return kiosk;
  }

  private cardAt(n: number): PooledCard {
    const card = this.cards[n % this.cards.length];
    if (!card) throw new Error('a fleet needs at least one card');
    return card;
  }

  /** One complete certificate: the issuance, then `printed`. Latency counts from `due`. */
  private async issueAndPrint(
    kiosk: LineClient,
    card: PooledCard,
    due: number,
    record: RunRecord,
  ): Promise<void> {
    record.sent++;
    const issued = await kiosk.issue({
      requestId: randomUUID(),
      kind: 'vaccination',
      municipalityCode: card.municipalityCode,
      variant: 'domestic',
      copies: 1,
      card: card.card,
    });
    if (!issued.ok) return record.fail(issued.error.code);
    if (!issued.value.pdf.startsWith(PDF_MAGIC_B64)) return record.fail('NOT_A_PDF');
    record.latency.push(performance.now() - due);
    const printed = await kiosk.outcome(issued.value.certificateId, {
      outcome: 'printed',
      receiptPrinted: true,
    });
    if (!printed.ok) return record.fail(`outcome: ${printed.error.code}`);
    if (printed.value.status !== 'completed') return record.fail(`outcome: ${printed.value.status}`);
    record.answered();
    record.complete.push(performance.now() - due);
    record.completed++;
  }
}

function heartbeat(uptimeMs: number, beats: number): Heartbeat {
  return {
    kioskTime: new Date().toISOString(),
    softwareVersion: 'bench',
    uptimeSeconds: Math.floor(uptimeMs / 1000),
    devices: (['card_reader', 'a4_printer', 'receipt_printer', 'payment'] as const).map((device) => ({
      device,
      status: 'ready',
    })),
    counters: { heartbeats: beats },
  };
}
