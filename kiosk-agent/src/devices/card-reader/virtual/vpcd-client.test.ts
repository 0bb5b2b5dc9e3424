import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBinary, selectEf, selectTextAp, verifyStatus } from '../text-ap/commands.js';
import { VirtualCard } from './virtual-card.js';
import { connectToVpcd, type VpcdConnection } from './vpcd-client.js';
import { FrameReader, frame } from './vpcd-framing.js';
import { testIssuer as issuer, testCardKey as cardKey, testHolder as holder, hex } from './test-card.js';

/** A message as vpcd writes it, built by hand: 2-byte big-endian length, then the payload. */
const wire = (payload: Uint8Array): Buffer =>
  Buffer.concat([Buffer.from([payload.length >> 8, payload.length & 0xff]), payload]);
const control = (byte: number): Buffer => wire(Uint8Array.of(byte));

/** vpcd's side of one connection: writes raw bytes, reads the card's framed answers one by one. */
class FakeVpcd {
  private buffered = Buffer.alloc(0);
  private readonly waiting: ((message: Buffer) => void)[] = [];
  private readonly received: Buffer[] = [];
  readonly ended: Promise<void>;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 2 && this.buffered.length >= 2 + this.buffered.readUInt16BE(0)) {
        const length = this.buffered.readUInt16BE(0);
        const message = this.buffered.subarray(2, 2 + length);
        this.buffered = this.buffered.subarray(2 + length);
        const waiter = this.waiting.shift();
        if (waiter) waiter(message);
        else this.received.push(message);
      }
    });
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  write(...parts: Buffer[]): void {
    this.socket.write(Buffer.concat(parts));
  }

  next(): Promise<string> {
    const ready = this.received.shift();
    if (ready) return Promise.resolve(hex(ready));
    return new Promise((resolve) => this.waiting.push((message) => resolve(hex(message))));
  }
}

let server: Server;
let port: number;
let peer: Promise<FakeVpcd>;
let card: VirtualCard;
let connection: VpcdConnection | undefined;

beforeEach(async () => {
  card = new VirtualCard({ holder, issuer, pin: '1234', cardKey });
  server = createServer();
  peer = new Promise((resolve) => server.once('connection', (socket) => resolve(new FakeVpcd(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterEach(async () => {
  await connection?.close();
  connection = undefined;
  await new Promise((resolve) => server.close(resolve));
});

describe('vpcd framing', () => {
  it('frames with a 2-byte big-endian length', () => {
    expect(hex(frame(Uint8Array.of(0x90, 0x00)))).toBe('00029000');
    expect(hex(frame(new Uint8Array(0x0102)).subarray(0, 2))).toBe('0102');
  });

  it('cuts messages out of chunks split anywhere or joined together', () => {
    const reader = new FrameReader();
    const stream = Buffer.concat([control(4), wire(selectTextAp()), wire(new Uint8Array(300).fill(7))]);
    const out: string[] = [];
    for (let at = 0; at < stream.length; at += 3)
      out.push(...reader.push(stream.subarray(at, at + 3)).map(hex));
    expect(out).toEqual(['04', hex(selectTextAp()), hex(new Uint8Array(300).fill(7))]);
    expect(reader.push(Buffer.concat([control(1), control(2)])).map(hex)).toEqual(['01', '02']);
  });
});

describe('connectToVpcd', () => {
  it('answers the ATR request and APDUs, and nothing for power and reset', async () => {
    connection = await connectToVpcd({ port, card });
    const vpcd = await peer;
    vpcd.write(control(0x04));
    expect(await vpcd.next()).toBe('3BE000FF8131FE4514');
    vpcd.write(control(0x01), wire(selectTextAp()));
    expect(await vpcd.next()).toBe('9000');
    vpcd.write(wire(verifyStatus()));
    expect(await vpcd.next()).toBe('63C3');
  });

  it('handles a message split across TCP chunks and several in one chunk', async () => {
    connection = await connectToVpcd({ port, card });
    const vpcd = await peer;
    const select = wire(selectTextAp());
    vpcd.write(select.subarray(0, 1));
    vpcd.write(select.subarray(1, 7));
    vpcd.write(select.subarray(7));
    expect(await vpcd.next()).toBe('9000');
    vpcd.write(wire(selectEf(4)), wire(readBinary(0, 2)), control(0x04));
    expect([await vpcd.next(), await vpcd.next(), await vpcd.next()]).toEqual([
      '9000',
      `${hex(card.files.ef0004.subarray(0, 2))}9000`,
      '3BE000FF8131FE4514',
    ]);
  });

  it('powers the card off and on, and resets it, as vpcd says', async () => {
    connection = await connectToVpcd({ port, card });
    const vpcd = await peer;
    vpcd.write(wire(selectTextAp()), wire(selectEf(4)));
    expect([await vpcd.next(), await vpcd.next()]).toEqual(['9000', '9000']);
    vpcd.write(control(0x02), wire(readBinary(0, 1)));
    expect(await vpcd.next()).toBe('6986');
    vpcd.write(control(0x00), wire(selectTextAp()));
    expect(await vpcd.next()).toBe('6F00');
    vpcd.write(control(0x01), wire(selectTextAp()));
    expect(await vpcd.next()).toBe('9000');
  });

  it('takes the card off the reader when closed, from either side', async () => {
    connection = await connectToVpcd({ port, card });
    const vpcd = await peer;
    await connection.close();
    await vpcd.ended;
    expect(hex(await card.process(selectTextAp()))).toBe('6F00');

    peer = new Promise((resolve) => server.once('connection', (socket) => resolve(new FakeVpcd(socket))));
    connection = await connectToVpcd({ port, card });
    (await peer).socket.destroy();
    await connection.closed;
  });

  it('rejects when nothing listens', async () => {
    const closedPort = port;
    await new Promise((resolve) => server.close(resolve));
    await expect(connectToVpcd({ port: closedPort, card })).rejects.toThrow();
    server = createServer();
  });
});
