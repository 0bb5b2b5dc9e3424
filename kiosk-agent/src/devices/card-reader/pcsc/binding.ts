/**
 * The part of the npm `pcsclite` package this layer uses, as narrow interfaces. Only this file loads the package,
 * and only when a PC/SC reader is configured, so the simulated demo runs without the native addon. Tests of the
 * layer's own logic pass a fake library here; the card tests use the real one against a real pcscd.
 */
import { createRequire } from 'node:module';
import type { Result } from '@kiosk/protocol';
import { errorText } from './scard.js';

export interface PcscStatusEvent {
  readonly state: number;
  readonly atr?: Buffer | undefined;
}

type Callback<T> = (error: unknown, value: T) => void;

/** One reader as pcsclite exposes it: status events, then one exclusive connection at a time. */
export interface PcscReader {
  readonly name: string;
  on(event: 'status', listener: (status: PcscStatusEvent) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeAllListeners(event?: string): unknown;
  connect(options: { share_mode: number; protocol: number }, callback: Callback<number>): void;
  disconnect(disposition: number, callback: (error: unknown) => void): void;
  transmit(data: Buffer, maxResponse: number, protocol: number, callback: Callback<Buffer>): void;
  control(data: Buffer, code: number, maxResponse: number, callback: Callback<Buffer>): void;
  close(): void;
}

/** A PC/SC context: reader arrivals, and an error when pcscd goes away (it never recovers after that). */
export interface PcscContext {
  on(event: 'reader', listener: (reader: PcscReader) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): void;
}

/** Makes a new context; throws when pcscd is not running (pcsclite does). */
export type PcscLibrary = () => PcscContext;

let loaded: Result<PcscLibrary, string> | undefined;

/** Loads the native addon once; a machine without libpcsclite gets a reason instead of a crash. */
export function loadPcscLite(): Result<PcscLibrary, string> {
  if (!loaded) {
    try {
      const pcsc = createRequire(import.meta.url)('pcsclite') as PcscLibrary;
      loaded = { ok: true, value: pcsc };
    } catch (error) {
      loaded = { ok: false, error: `pcsclite cannot be loaded: ${errorText(error)}` };
    }
  }
  return loaded;
}
