/** Issuance requests as a kiosk builds them: a demo resident's virtual card, read and sent with a fresh request id. */
import { randomUUID } from 'node:crypto';
import { devPkiPaths } from '@kiosk/certs';
import { loadCardIssuer, VirtualCard } from '@kiosk/kiosk-agent';
import type { IssuanceRequest, Variant } from '@kiosk/protocol';
import type { DemoResident } from '@kiosk/record-store/demo';

export function issuanceRequest(
  certsDir: string,
  resident: DemoResident,
  opts: { variant?: Variant; copies?: number } = {},
): IssuanceRequest {
  const card = new VirtualCard({
    holder: resident.card,
    issuer: loadCardIssuer(devPkiPaths(certsDir).cardIssuer),
    pin: resident.card.pin,
  });
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return {
    requestId: randomUUID(),
    kind: 'vaccination',
    municipalityCode: resident.municipalityCode,
    variant: opts.variant ?? 'domestic',
    copies: opts.copies ?? 1,
    card: {
      ef0001: b64(card.files.ef0001),
      ef0002: b64(card.files.ef0002),
      ef0003: b64(card.files.ef0003),
      ef0004: b64(card.files.ef0004),
    },
  };
}
