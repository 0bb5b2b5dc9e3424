/**
 * Everything a card test needs around the reader under test: a private pcscd with two vpcd readers, a dev PKI
 * in a temp folder (the card issuer signs the virtual cards, its public key is the trust anchor), virtual cards
 * to put on either reader, and waits on the reader's status events.
 */
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devPkiPaths, generateDevPki } from '@kiosk/certs';
import {
  connectToVpcd,
  loadCardIssuer,
  PcscCardReader,
  VirtualCard,
  type CardFaults,
  type CardIssuer,
  type PcscCardReaderOptions,
  type VpcdConnection,
} from '@kiosk/kiosk-agent';
import { parseEf0001, type CardTrustAnchors } from '@kiosk/protocol/card-data';
import { startPrivatePcscd, type PrivatePcscd } from './pcscd.js';

export const HOLDER = {
  myNumber: '123456789018',
  name: '佐藤 花子',
  address: '東京都中央区築地一丁目1番1号',
  birthDate: '1950-04-01',
  sex: 'female' as const,
};
export const PIN = '1234';

type Status = ReturnType<PcscCardReader['status']>;
/** EF 0001–0004 as the reader hands them to the session. */
export interface ReadFiles {
  readonly ef0001: Uint8Array;
  readonly ef0002: Uint8Array;
  readonly ef0003: Uint8Array;
  readonly ef0004: Uint8Array;
}
/** Card errors carry kinds, status words and lengths, never card data: safe in a test failure. */
const describe = (error: unknown): string => JSON.stringify(error);

export interface CardRig {
  readonly pcscd: PrivatePcscd;
  /** A dev PKI with one kiosk (kiosk-0001), for starting an agent. */
  readonly certsDir: string;
  readonly issuer: CardIssuer;
  readonly trustAnchors: CardTrustAnchors;
  newCard(options?: { pin?: string; myNumber?: string; faults?: CardFaults }): VirtualCard;
  /** Puts the card on reader 0 ("Virtual PCD 00 00") or 1 ("… 00 01"); closing the connection takes it off. */
  insert(card: VirtualCard, slot?: 0 | 1): Promise<VpcdConnection>;
  /** A reader with quick retries, so that recovering from a pcscd restart takes milliseconds, not seconds. */
  newReader(options?: PcscCardReaderOptions): PcscCardReader;
  /** Closes the readers and takes off the cards of the test that just ran, whatever state it ended in. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export async function startCardRig(): Promise<CardRig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-card-'));
  const paths = devPkiPaths(join(dir, 'certs'));
  await generateDevPki({ dir: paths.dir, kiosks: 1, log: () => {} });
  const pcscd = await startPrivatePcscd();
  pcscdOutput = () => pcscd.output();
  const issuer = loadCardIssuer(paths.cardIssuer);
  const connections = new Set<VpcdConnection>();
  const readers = new Set<PcscCardReader>();
  const clear = async (): Promise<void> => {
    for (const reader of readers) await reader.close();
    for (const connection of connections) await connection.close();
    readers.clear();
    const removed = connections.size > 0;
    connections.clear();
    // pcscd notices a card leaving vpcd only at its next poll; a card put on before that would be taken for the
    // old one. Wait until both readers are seen empty, as a hand is never quicker than that.
    if (removed && pcscd.running()) await Promise.all(pcscd.readerNames.map((name) => seenEmpty(name)));
  };
  return {
    pcscd,
    certsDir: paths.dir,
    issuer,
    trustAnchors: trustAnchorsOf(paths.cardIssuer.issuer),
    newCard: (options = {}) =>
      new VirtualCard({
        holder: { ...HOLDER, myNumber: options.myNumber ?? HOLDER.myNumber },
        issuer,
        pin: options.pin ?? PIN,
        ...(options.faults ? { faults: options.faults } : {}),
      }),
    async insert(card, slot = 0) {
      const connection = await connectToVpcd({ host: '127.0.0.1', port: pcscd.ports[slot], card });
      connections.add(connection);
      return connection;
    },
    newReader(options = {}) {
      const id = ++readerCount;
      const reader = new PcscCardReader({
        ...QUICK_RETRY,
        log: (line) => note(`reader ${id}: ${line}`),
        ...options,
      });
      readers.add(reader);
      return reader;
    },
    clear,
    async close() {
      await clear();
      await pcscd.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const QUICK_RETRY = { retry: { initialMs: 20, maxMs: 200 } };

/**
 * What the readers logged (status changes, pcscd failures; never card data), so that a wait that fails can say
 * what happened before it.
 */
const journal: string[] = [];
let readerCount = 0;
let pcscdOutput = (): string => '';
const started = Date.now();
function note(line: string): void {
  journal.push(`${String(Date.now() - started).padStart(6)} ms  ${line}`);
  if (journal.length > 200) journal.shift();
}

async function seenEmpty(readerName: string): Promise<void> {
  const watcher = new PcscCardReader({ ...QUICK_RETRY, readerName: new RegExp(`^${readerName}$`) });
  try {
    await statusOf(watcher, 'no_card');
  } finally {
    await watcher.close();
  }
}

/** The dev card issuer's public key by its AKI, as the centre trusts it (read here without loading the centre). */
function trustAnchorsOf(issuerFile: string): CardTrustAnchors {
  const issuer = JSON.parse(readFileSync(issuerFile, 'utf8')) as { aki: string; publicKeyPem: string };
  return new Map([[issuer.aki.toLowerCase(), createPublicKey(issuer.publicKeyPem)]]);
}

/** Resolves with the reader's status once it is of `kind` (now or at a later change); fails after `ms`. */
export function statusOf<K extends Status['kind']>(
  reader: PcscCardReader,
  kind: K,
  ms = 10_000,
): Promise<Extract<Status, { kind: K }>> {
  const now = reader.status();
  if (now.kind === kind) return Promise.resolve(now as Extract<Status, { kind: K }>);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      const recent = journal.slice(-40).join('\n');
      const pcscd = pcscdOutput().split('\n').slice(-20).join('\n');
      const message = `reader status stayed ${reader.status().kind}, never ${kind}, for ${ms} ms`;
      reject(new Error(`${message}\n\nreaders:\n${recent}\n\npcscd:\n${pcscd}`));
    }, ms);
    const stop = reader.onStatus((status) => {
      if (status.kind !== kind) return;
      clearTimeout(timer);
      stop();
      resolve(status as Extract<Status, { kind: K }>);
    });
  });
}

/**
 * Counts the VERIFY commands carrying a PIN that reach the card. Read as they arrive: the vpcd client wipes each
 * command once it is answered.
 */
export function countPinCommands(card: VirtualCard): () => number {
  let count = 0;
  const process = card.process.bind(card);
  card.process = (command) => {
    if (command[1] === 0x20 && command.length > 4) count++;
    return process(command);
  };
  return () => count;
}

/** The whole read a kiosk session does: open, tries, VERIFY, EF 0001–0004 (0005 if any). Fails loudly. */
export async function readCard(reader: PcscCardReader, pin = PIN): Promise<ReadFiles> {
  const textAp = await reader.openTextApplication();
  if (!textAp.ok) throw new Error(`open: ${describe(textAp.error)}`);
  const tries = await textAp.value.pinTriesLeft();
  if (!tries.ok) throw new Error(`PIN status: ${describe(tries.error)}`);
  const verified = await textAp.value.verifyPin(pin);
  if (!verified.ok || verified.value.kind !== 'verified') throw new Error('the PIN was not accepted');
  const files = await textAp.value.readFiles();
  if (!files.ok) throw new Error(`read: ${describe(files.error)}`);
  return files.value;
}

/** The My Number in EF 0001, to tell cards apart. */
export function myNumberOf(files: ReadFiles): string {
  const parsed = parseEf0001(Buffer.from(files.ef0001));
  if (!parsed.ok) throw new Error(`EF 0001: ${parsed.error.code}`);
  return parsed.value.myNumber;
}
