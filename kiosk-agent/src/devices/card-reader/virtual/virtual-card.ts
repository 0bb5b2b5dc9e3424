/**
 * A virtual My Number card that speaks APDUs: the text application (SELECT, VERIFY, READ BINARY, GET RESPONSE)
 * with the real card's status words, files signed by a card issuer, and a PIN counter that is the card's own
 * (it survives resets and taking the card off the reader; at zero the PIN is blocked for good). The demo's
 * simulated reader and the tests through pcscd (vpcd) drive the same object.
 */
import { timingSafeEqual } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { CardFiles, CardHolder } from '@kiosk/protocol/card-data';
import type { KeyObject } from 'node:crypto';
import { parseCommandApdu, type CommandApdu } from '../text-ap/apdu.js';
import { TEXT_AP_AID } from '../text-ap/commands.js';
import { PIN_TRIES } from '../text-ap/pin-status.js';
import { encodeResponseApdu } from '../text-ap/response.js';
import { SW } from '../text-ap/status-words.js';
import { buildFileSystem, needsPin, PIN_EF, type CardIssuer } from './card-files.js';

export interface CardFaults {
  /** EF 0003's signature is damaged: the files read fine, the centre refuses them. */
  readonly badSignature?: boolean;
  /** No text application (SELECT AP answers 6A82), like a card that is not a My Number card. */
  readonly noTextAp?: boolean;
  /** This EF is cut short: its header announces more bytes than the file holds. */
  readonly truncatedEf?: number;
  /** The PIN is blocked from the start. */
  readonly locked?: boolean;
  /** Every answer comes this many milliseconds late. */
  readonly slowMs?: number;
  /** Response data is announced with `61 xx` and fetched with GET RESPONSE, in pieces, as T=0 cards do. */
  readonly responseGetResponse?: boolean;
}

export interface VirtualCardOptions {
  readonly holder: CardHolder;
  readonly issuer: CardIssuer;
  /** 4 ASCII digits. */
  readonly pin: string;
  readonly faults?: CardFaults;
  /** An EF 0005, for tests that need the card to have one. */
  readonly ef0005?: Uint8Array;
  /** The card's RSA-2048 key; generated when absent (slow, so tests making many cards may share one). */
  readonly cardKey?: KeyObject;
}

export const CARD_ATR: Uint8Array = Uint8Array.of(0x3b, 0xe0, 0x00, 0xff, 0x81, 0x31, 0xfe, 0x45, 0x14);
/** Most bytes handed out per GET RESPONSE when data goes that way, so that it takes several. */
const PIECE = 0x40;

const sw = (status: number): Uint8Array => encodeResponseApdu(new Uint8Array(0), status);

export class VirtualCard {
  private readonly efs: Map<number, Uint8Array>;
  private readonly pin: Uint8Array;
  private readonly faults: CardFaults;
  private tries: number;
  private powered = true;
  private apSelected = false;
  private ef: number | undefined;
  private verified = false;
  private pending: Uint8Array | undefined;

  constructor(options: VirtualCardOptions) {
    if (!/^[0-9]{4}$/.test(options.pin)) throw new RangeError('the PIN must be 4 ASCII digits');
    this.faults = options.faults ?? {};
    this.pin = Uint8Array.from(Buffer.from(options.pin, 'ascii'));
    this.tries = this.faults.locked ? 0 : PIN_TRIES;
    this.efs = buildFileSystem(options.holder, options.issuer, {
      faults: this.faults,
      ...(options.cardKey ? { cardKey: options.cardKey } : {}),
      ...(options.ef0005 ? { ef0005: options.ef0005 } : {}),
    });
  }

  get atr(): Uint8Array {
    return CARD_ATR.slice();
  }

  get pinTriesLeft(): number {
    return this.tries;
  }

  /** The files as stored on the card (faults included), as copies: for tests that build requests directly. */
  get files(): CardFiles {
    const copy = (fid: number): Buffer => Buffer.from(this.efs.get(fid) ?? []);
    return { ef0001: copy(1), ef0002: copy(2), ef0003: copy(3), ef0004: copy(4) };
  }

  powerOff(): void {
    this.reset();
    this.powered = false;
  }

  powerOn(): void {
    this.reset();
    this.powered = true;
  }

  /** A warm reset: the selection and the verified PIN are gone; the PIN counter is the card's and stays. */
  reset(): void {
    this.apSelected = false;
    this.ef = undefined;
    this.verified = false;
    this.pending = undefined;
  }

  /** One command APDU in, the response APDU (data + SW1 SW2) out. */
  async process(command: Uint8Array): Promise<Uint8Array> {
    if (this.faults.slowMs) await delay(this.faults.slowMs);
    return this.answer(command);
  }

  private answer(bytes: Uint8Array): Uint8Array {
    if (!this.powered) return sw(SW.NO_DIAGNOSIS);
    const parsed = parseCommandApdu(bytes);
    if (!parsed.ok) return sw(SW.WRONG_LENGTH);
    const command = parsed.value;
    if (command.cla !== 0x00) return sw(SW.CLA_NOT_SUPPORTED);
    if (command.ins === 0xc0) return this.getResponse(command);
    // GET RESPONSE must follow at once; any other command drops what was waiting.
    this.pending = undefined;
    const response = this.dispatch(command);
    if (!this.faults.responseGetResponse || response.length <= 2) return response;
    this.pending = response.subarray(0, response.length - 2);
    return sw(0x6100 | Math.min(this.pending.length, PIECE));
  }

  private dispatch(command: CommandApdu): Uint8Array {
    switch (command.ins) {
      case 0xa4:
        return this.select(command);
      case 0x20:
        return this.verify(command);
      case 0xb0:
        return this.readBinary(command);
      default:
        return sw(SW.INS_NOT_SUPPORTED);
    }
  }

  private select({ p1, p2, data }: CommandApdu): Uint8Array {
    if (p2 !== 0x0c && p2 !== 0x00) return sw(SW.WRONG_P1P2);
    if (p1 === 0x04) {
      if (this.faults.noTextAp || !sameBytes(data, TEXT_AP_AID)) return sw(SW.FILE_NOT_FOUND);
      // Selecting the application starts its security state afresh.
      this.reset();
      this.apSelected = true;
      return sw(SW.OK);
    }
    if (p1 !== 0x02) return sw(SW.WRONG_P1P2);
    if (data.length !== 2) return sw(SW.WRONG_LENGTH);
    const fid = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    if (!this.apSelected || (fid !== PIN_EF && !this.efs.has(fid))) return sw(SW.FILE_NOT_FOUND);
    this.ef = fid;
    return sw(SW.OK);
  }

  private verify({ p1, p2, data }: CommandApdu): Uint8Array {
    if (p1 !== 0x00 || p2 !== 0x80) return sw(SW.WRONG_P1P2);
    if (!this.apSelected) return sw(0x6a88);
    if (this.tries === 0) return sw(SW.PIN_BLOCKED);
    if (data.length === 0) return sw(this.verified ? SW.OK : 0x63c0 | this.tries);
    if (data.length !== this.pin.length) return sw(SW.WRONG_LENGTH);
    if (timingSafeEqual(data, this.pin)) {
      this.tries = PIN_TRIES;
      this.verified = true;
      return sw(SW.OK);
    }
    this.tries -= 1;
    this.verified = false;
    return sw(0x63c0 | this.tries);
  }

  private readBinary({ p1, p2, le }: CommandApdu): Uint8Array {
    if (this.ef === undefined) return sw(SW.NO_CURRENT_EF);
    if (p1 & 0x80) return sw(SW.WRONG_P1P2);
    const file = this.efs.get(this.ef);
    if (!file) return sw(0x6981);
    if (needsPin(this.ef) && !this.verified) return sw(SW.SECURITY_NOT_SATISFIED);
    if (le === undefined) return sw(SW.WRONG_LENGTH);
    const offset = (p1 << 8) | p2;
    if (offset >= file.length) return sw(SW.WRONG_OFFSET);
    const available = file.length - offset;
    if (le > available) return sw(0x6c00 | (available & 0xff));
    return encodeResponseApdu(file.subarray(offset, offset + le), SW.OK);
  }

  private getResponse({ p1, p2, le = 256 }: CommandApdu): Uint8Array {
    const pending = this.pending;
    if (!pending) return sw(SW.CONDITIONS_NOT_SATISFIED);
    if (p1 !== 0 || p2 !== 0) return sw(SW.WRONG_P1P2);
    if (le > pending.length) return sw(0x6c00 | (pending.length & 0xff));
    const rest = pending.subarray(le);
    this.pending = rest.length ? rest : undefined;
    return encodeResponseApdu(
      pending.subarray(0, le),
      rest.length ? 0x6100 | Math.min(rest.length, PIECE) : SW.OK,
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
