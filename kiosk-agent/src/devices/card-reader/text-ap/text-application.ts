/**
 * The text application (券面事項入力補助AP) over any CardTransport: pcscd with a real or virtual card, or the
 * in-process simulator. Written once, so the demo and the kiosk behave alike.
 *
 * The PIN: tries are read with VERIFY without data (uses none); once the card says the PIN is blocked, no VERIFY
 * of any kind is sent again on this card. The VERIFY bytes are zero-filled as soon as they are sent.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from '../card-error.js';
import type { CardFiles, KeypadPinResult, PinEntry, PinResult, TextApplication } from '../card-reader.js';
import type { CardTransport } from '../card-transport.js';
import { selectTextAp, verifyPin, verifyStatus } from './commands.js';
import { efName, readEf } from './ef-reader.js';
import { exchange, transportToCardError, type ExchangeOptions } from './exchange.js';
import { pinResultFromSw, triesLeftFromSw } from './pin-status.js';
import { buildPinVerifyStructure } from './secure-pin/pin-verify-structure.js';
import { FEATURE_VERIFY_PIN_DIRECT } from './secure-pin/features.js';
import { keypadPinResult } from './secure-pin/keypad-result.js';
import { SW, swHex } from './status-words.js';
import { validateEf } from './validate.js';

export interface TextApOptions {
  /** Bounds each command sent to the card (not PIN entry on a keypad). */
  readonly commandTimeoutMs?: number;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 5000;
/** The reader's own PIN timeout runs first; this margin only catches a reader that never answers. */
const KEYPAD_MARGIN_MS = 5000;
/** Status words a card without the text application gives to SELECT by name. */
const NOT_THIS_CARD: ReadonlySet<number> = new Set([
  SW.FILE_NOT_FOUND,
  SW.FUNCTION_NOT_SUPPORTED,
  SW.WRONG_P1P2,
  SW.INS_NOT_SUPPORTED,
  SW.CLA_NOT_SUPPORTED,
]);
const REQUIRED_FILES = [0x0001, 0x0002, 0x0003, 0x0004] as const;
const OPTIONAL_FILE = 0x0005;

/** Selects the text application on the card behind `transport`. */
export async function openTextApplication(
  transport: CardTransport,
  options: TextApOptions = {},
): Promise<Result<TextApplication, CardError>> {
  const exchangeOptions = { timeoutMs: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS };
  const selected = await exchange(transport, selectTextAp(), exchangeOptions);
  if (!selected.ok) return selected;
  const { sw } = selected.value;
  if (NOT_THIS_CARD.has(sw)) return { ok: false, error: { kind: 'no_text_ap' } };
  if (sw !== SW.OK) return { ok: false, error: { kind: 'card_error', detail: `SELECT AP: ${swHex(sw)}` } };
  const features = await transport.features();
  const keypad = features.get(FEATURE_VERIFY_PIN_DIRECT);
  return { ok: true, value: new TextAp(transport, exchangeOptions, keypad) };
}

class TextAp implements TextApplication {
  readonly pinEntry: PinEntry;
  private blocked = false;

  constructor(
    private readonly transport: CardTransport,
    private readonly options: ExchangeOptions,
    private readonly verifyPinDirect: number | undefined,
  ) {
    this.pinEntry = verifyPinDirect === undefined ? 'on_screen' : 'reader_keypad';
  }

  async pinTriesLeft(): Promise<Result<number, CardError>> {
    if (this.blocked) return { ok: true, value: 0 };
    const answer = await exchange(this.transport, verifyStatus(), this.options);
    if (!answer.ok) return answer;
    const tries = triesLeftFromSw(answer.value.sw);
    if (tries === undefined)
      return { ok: false, error: { kind: 'card_error', detail: `PIN status: ${swHex(answer.value.sw)}` } };
    if (tries === 0) this.blocked = true;
    return { ok: true, value: tries };
  }

  async verifyPin(pin: string): Promise<Result<PinResult, CardError>> {
    if (this.blocked) return { ok: true, value: { kind: 'blocked' } };
    const command = verifyPin(pin);
    let answer;
    try {
      answer = await exchange(this.transport, command, this.options);
    } finally {
      command.fill(0);
    }
    if (!answer.ok) return answer;
    const result = pinResultFromSw(answer.value.sw);
    if (!result)
      return { ok: false, error: { kind: 'card_error', detail: `VERIFY: ${swHex(answer.value.sw)}` } };
    return this.noteBlocked(result);
  }

  async verifyPinOnReader(options: { timeoutSeconds: number }): Promise<Result<KeypadPinResult, CardError>> {
    if (this.verifyPinDirect === undefined)
      return { ok: false, error: { kind: 'reader_error', detail: 'the reader has no PIN keypad' } };
    if (this.blocked) return { ok: true, value: { kind: 'blocked' } };
    const structure = buildPinVerifyStructure({ timeoutSeconds: options.timeoutSeconds });
    const timeoutMs = options.timeoutSeconds * 1000 + KEYPAD_MARGIN_MS;
    const answer = await this.transport.control(this.verifyPinDirect, structure, timeoutMs);
    if (!answer.ok) return { ok: false, error: transportToCardError(answer.error) };
    const result = keypadPinResult(answer.value);
    return result.ok ? this.noteBlocked(result.value) : result;
  }

  async readFiles(): Promise<Result<CardFiles, CardError>> {
    // The protected files need a PIN this card can no longer verify.
    if (this.blocked) return { ok: false, error: { kind: 'pin_blocked' } };
    const read: Uint8Array[] = [];
    const fail = (error: CardError): Result<never, CardError> => {
      read.forEach((file) => file.fill(0));
      return { ok: false, error };
    };
    for (const fid of REQUIRED_FILES) {
      const file = await readEf(this.transport, fid, this.options);
      if (!file.ok) return fail(file.error);
      if (file.value === null) return fail({ kind: 'malformed', detail: `${efName(fid)}: missing` });
      read.push(file.value);
      const valid = validateEf(fid, file.value);
      if (!valid.ok) return fail(valid.error);
    }
    const extra = await readEf(this.transport, OPTIONAL_FILE, { ...this.options, optional: true });
    if (!extra.ok) return fail(extra.error);
    if (extra.value) {
      read.push(extra.value);
      const valid = validateEf(OPTIONAL_FILE, extra.value);
      if (!valid.ok) return fail(valid.error);
    }
    const [ef0001, ef0002, ef0003, ef0004, ef0005] = read;
    if (!ef0001 || !ef0002 || !ef0003 || !ef0004) return fail({ kind: 'malformed', detail: 'files missing' });
    const files: CardFiles = ef0005
      ? { ef0001, ef0002, ef0003, ef0004, ef0005 }
      : { ef0001, ef0002, ef0003, ef0004 };
    return { ok: true, value: files };
  }

  private noteBlocked<T extends KeypadPinResult>(result: T): Result<T, CardError> {
    if (result.kind === 'blocked') this.blocked = true;
    return { ok: true, value: result };
  }
}
