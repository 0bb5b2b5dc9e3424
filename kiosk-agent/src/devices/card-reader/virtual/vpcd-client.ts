/**
 * Puts a VirtualCard on a pcscd reader through the vsmartcard vpcd driver: the card connects to vpcd over TCP
 * (vpcd listens on 35963 for "Virtual PCD 00 00") and answers what pcscd sends. One-byte messages are control:
 * 00 power off, 01 power on, 02 reset, 04 get the ATR (answered); anything longer is a command APDU (answered with
 * the response APDU). Closing the connection takes the card off the reader.
 */
import { connect, type Socket } from 'node:net';
import { FrameReader, frame } from './vpcd-framing.js';
import type { VirtualCard } from './virtual-card.js';

export const VPCD_POWER_OFF = 0x00;
export const VPCD_POWER_ON = 0x01;
export const VPCD_RESET = 0x02;
export const VPCD_GET_ATR = 0x04;

export interface VpcdOptions {
  readonly host?: string;
  readonly port: number;
  readonly card: VirtualCard;
}

export interface VpcdConnection {
  /** Settles when the connection ends, from either side. */
  readonly closed: Promise<void>;
  /** Takes the card off the reader. */
  close(): Promise<void>;
}

/** Connects; rejects when vpcd is not listening (nothing to put the card on). */
export function connectToVpcd({ host = '127.0.0.1', port, card }: VpcdOptions): Promise<VpcdConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    const failed = (error: Error): void => reject(error);
    socket.once('error', failed);
    socket.once('connect', () => {
      socket.off('error', failed);
      resolve(serve(socket, card));
    });
  });
}

function serve(socket: Socket, card: VirtualCard): VpcdConnection {
  const reader = new FrameReader();
  // One message at a time, in order: pcscd waits for each answer anyway.
  let queue = Promise.resolve();
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => {
      card.powerOff();
      resolve();
    });
  });
  // A reset connection is the card leaving the reader; the 'close' that follows says so.
  socket.on('error', () => {});
  socket.on('data', (chunk: Buffer) => {
    for (const message of reader.push(chunk)) queue = queue.then(() => answer(socket, card, message));
  });
  return {
    closed,
    close: async () => {
      socket.destroy();
      await closed;
    },
  };
}

async function answer(socket: Socket, card: VirtualCard, message: Buffer): Promise<void> {
  if (message.length === 1) {
    switch (message[0]) {
      case VPCD_POWER_OFF:
        return card.powerOff();
      case VPCD_POWER_ON:
        return card.powerOn();
      case VPCD_RESET:
        return card.reset();
      case VPCD_GET_ATR:
        return send(socket, card.atr);
      default:
        return; // unknown control byte: vpcd expects no answer
    }
  }
  if (message.length === 0) return;
  const response = await card.process(message);
  message.fill(0);
  send(socket, response);
}

function send(socket: Socket, payload: Uint8Array): void {
  if (!socket.destroyed && socket.writable) socket.write(frame(payload));
}
