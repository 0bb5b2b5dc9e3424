import { encodeEf0001 } from '@kiosk/protocol/card-data';
import { describe, expect, it } from 'vitest';
import type { CardTransport, ResponseApdu } from '../card-transport.js';
import { InProcessTransport } from '../virtual/in-process-transport.js';
import { VirtualCard, type VirtualCardOptions } from '../virtual/virtual-card.js';
import { encodeResponseApdu } from './response.js';
import { openTextApplication } from './text-application.js';
import {
  testIssuer as issuer,
  testCardKey as cardKey,
  testHolder as holder,
  hex,
} from '../virtual/test-card.js';

/** A link to a virtual card that records every command and response, and can lose the card after n commands. */
function link(options: Partial<VirtualCardOptions> = {}, removeAfter = Infinity) {
  const card = new VirtualCard({ holder, issuer, pin: '1234', cardKey, ...options });
  const commands: Uint8Array[] = [];
  const responses: ResponseApdu[] = [];
  const inner = new InProcessTransport(card, () => commands.length <= removeAfter);
  const transport: CardTransport = {
    async transmit(command, timeoutMs) {
      commands.push(command);
      const answer = await inner.transmit(command, timeoutMs);
      if (answer.ok) responses.push(answer.value);
      return answer;
    },
    features: () => inner.features(),
    control: (code, data, timeoutMs) => inner.control(code, data, timeoutMs),
    disconnect: () => inner.disconnect(),
  };
  const verifies = () => commands.filter((c) => c[1] === 0x20).length;
  return { card, transport, commands, responses, verifies };
}

async function opened(transport: CardTransport, commandTimeoutMs?: number) {
  const app = await openTextApplication(transport, commandTimeoutMs ? { commandTimeoutMs } : {});
  if (!app.ok) throw new Error(`could not open: ${app.error.kind}`);
  return app.value;
}

describe('text application over a CardTransport', () => {
  it('selects, reads the tries, verifies and reads the four files, validated', async () => {
    const { card, transport, commands } = link();
    const app = await opened(transport);
    expect(app.pinEntry).toBe('on_screen');
    expect(hex(commands[0] ?? new Uint8Array())).toBe('00A4040C0AD3921000310001010408');
    expect(await app.pinTriesLeft()).toEqual({ ok: true, value: 3 });
    expect(await app.verifyPin('1234')).toEqual({ ok: true, value: { kind: 'verified' } });
    const files = await app.readFiles();
    if (!files.ok) throw new Error(files.error.kind);
    expect(hex(files.value.ef0001)).toBe(hex(card.files.ef0001));
    expect(hex(files.value.ef0002)).toBe(hex(card.files.ef0002));
    expect(hex(files.value.ef0003)).toBe(hex(card.files.ef0003));
    expect(hex(files.value.ef0004)).toBe(hex(card.files.ef0004));
    expect(files.value.ef0005).toBeUndefined();
    // Already verified: VERIFY without data answers 90 00, which means all tries are left.
    expect(await app.pinTriesLeft()).toEqual({ ok: true, value: 3 });
  });

  it('reads the header first, then chunks of at most 255 bytes, long-form lengths included', async () => {
    const address = '東京都千代田区千代田一丁目一番一号'.repeat(6);
    const { card, transport, commands } = link({ holder: { ...holder, address } });
    const app = await opened(transport);
    await app.verifyPin('1234');
    const files = await app.readFiles();
    expect(files.ok && hex(files.value.ef0002)).toBe(hex(card.files.ef0002));
    expect(hex(card.files.ef0002.subarray(0, 3))).toBe('FF2082');
    const reads = commands.filter((c) => c[1] === 0xb0);
    expect(reads.every((c) => c.length === 5 && c[4] !== 0)).toBe(true);
    const ef0002Reads = reads.slice(2, 2 + Math.ceil((card.files.ef0002.length - 5) / 255) + 1);
    expect(hex(ef0002Reads[0] ?? new Uint8Array())).toBe('00B0000005');
    expect(hex(ef0002Reads[1] ?? new Uint8Array())).toBe('00B00005FF');
  });

  it('reads through 61 xx / GET RESPONSE from a T=0 style card', async () => {
    const { card, transport } = link({ faults: { responseGetResponse: true } });
    const app = await opened(transport);
    expect(await app.pinTriesLeft()).toEqual({ ok: true, value: 3 });
    await app.verifyPin('1234');
    const files = await app.readFiles();
    expect(files.ok && hex(files.value.ef0004)).toBe(hex(card.files.ef0004));
  });

  it('returns EF 0005 when the card has one', async () => {
    const ef0005 = Uint8Array.of(0xdf, 0x51, 0x02, 0x01, 0x02);
    const { transport } = link({ ef0005 });
    const app = await opened(transport);
    await app.verifyPin('1234');
    const files = await app.readFiles();
    expect(files.ok && hex(files.value.ef0005 ?? new Uint8Array())).toBe('DF51020102');
  });

  it('says when the card has no text application', async () => {
    const { transport } = link({ faults: { noTextAp: true } });
    expect(await openTextApplication(transport)).toEqual({ ok: false, error: { kind: 'no_text_ap' } });
  });

  it('counts wrong PINs, and never sends VERIFY again once the card says blocked', async () => {
    const { card, transport, verifies } = link();
    const app = await opened(transport);
    expect(await app.verifyPin('0000')).toEqual({ ok: true, value: { kind: 'wrong', triesLeft: 2 } });
    expect(await app.verifyPin('1111')).toEqual({ ok: true, value: { kind: 'wrong', triesLeft: 1 } });
    expect(await app.verifyPin('2222')).toEqual({ ok: true, value: { kind: 'blocked' } });
    const sent = verifies();
    expect(await app.verifyPin('1234')).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(await app.pinTriesLeft()).toEqual({ ok: true, value: 0 });
    expect(verifies()).toBe(sent);
    expect(card.pinTriesLeft).toBe(0);
    expect(await app.readFiles()).toEqual({ ok: false, error: { kind: 'pin_blocked' } });
  });

  it('reads a locked card as 0 tries (69 84) and sends no VERIFY with a PIN', async () => {
    const { transport, verifies } = link({ faults: { locked: true } });
    const app = await opened(transport);
    expect(await app.pinTriesLeft()).toEqual({ ok: true, value: 0 });
    expect(await app.verifyPin('1234')).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(verifies()).toBe(1);
  });

  it('is refused the protected files before the PIN', async () => {
    const { transport } = link();
    const app = await opened(transport);
    expect(await app.readFiles()).toEqual({ ok: false, error: { kind: 'pin_required' } });
  });

  it('zero-fills the VERIFY command and every chunk it read', async () => {
    const { transport, commands, responses } = link();
    const app = await opened(transport);
    await app.verifyPin('1234');
    // commands[0] is SELECT AP, [1] the VERIFY with the PIN, as sent and then wiped.
    expect(commands).toHaveLength(2);
    expect([...(commands[1] ?? [])]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await app.readFiles();
    expect(responses.every((r) => r.data.every((b) => b === 0))).toBe(true);
  });

  it('refuses a truncated file with a typed error, never part of it, and wipes what it had read', async () => {
    const { transport, responses } = link({ faults: { truncatedEf: 3 } });
    const app = await opened(transport);
    await app.verifyPin('1234');
    expect(await app.readFiles()).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'EF0003: file ends early' },
    });
    expect(responses.every((r) => r.data.every((b) => b === 0))).toBe(true);
  });

  it('checks each file with the card-data parsers (My Number check digit)', async () => {
    const bad = encodeEf0001('123456789012');
    const app = await opened(fileCard(new Map([[1, bad]])));
    expect(await app.readFiles()).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'EF0001: the My Number check digit does not match' },
    });
    const garbage = await opened(fileCard(new Map([[1, Uint8Array.of(0xd0, 0x82, 0x7f, 0xff)]])));
    expect(await garbage.readFiles()).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('times out a slow card per command', async () => {
    const { transport } = link({ faults: { slowMs: 50 } });
    expect(await openTextApplication(transport, { commandTimeoutMs: 5 })).toEqual({
      ok: false,
      error: { kind: 'timeout', ms: 5 },
    });
  });

  it('reports the card taken off in the middle of reading', async () => {
    const { transport } = link({}, 8);
    const app = await opened(transport);
    await app.verifyPin('1234');
    expect(await app.readFiles()).toEqual({ ok: false, error: { kind: 'card_removed' } });
  });

  it('has no keypad on a plain reader', async () => {
    const app = await opened(link().transport);
    expect(await app.verifyPinOnReader({ timeoutSeconds: 5 })).toMatchObject({
      ok: false,
      error: { kind: 'reader_error' },
    });
  });
});

/** A card that only selects and reads the files it is given (no PIN), to present files no real card would. */
function fileCard(files: Map<number, Uint8Array>): CardTransport {
  let selected: Uint8Array | undefined;
  const answer = (data: Uint8Array, sw: number): { ok: true; value: ResponseApdu } => {
    const raw = encodeResponseApdu(data, sw);
    return { ok: true, value: { data: raw.subarray(0, -2), sw } };
  };
  return {
    async transmit(c) {
      if (c[1] === 0xa4 && c[2] === 0x04) return answer(new Uint8Array(0), 0x9000);
      if (c[1] === 0xa4) {
        selected = files.get(((c[5] ?? 0) << 8) | (c[6] ?? 0));
        return answer(new Uint8Array(0), selected ? 0x9000 : 0x6a82);
      }
      if (c[1] !== 0xb0 || !selected) return answer(new Uint8Array(0), 0x6d00);
      const offset = ((c[2] ?? 0) << 8) | (c[3] ?? 0);
      if (offset >= selected.length) return answer(new Uint8Array(0), 0x6b00);
      return answer(selected.slice(offset, offset + (c[4] || 256)), 0x9000);
    },
    features: async () => new Map(),
    control: async () => ({ ok: false, error: { kind: 'reader_error', detail: 'none' } }),
    disconnect: async () => {},
  };
}
