/**
 * The line: kiosk agent ↔ centre, HTTPS with mutual TLS, every request signed (see docs/protocol.md).
 * Versioned under /v1; the kiosk id always comes from the TLS client certificate, never from a body.
 */
import { Type, type Static } from 'typebox';
import {
  CertificateId,
  CertificateKind,
  IsoDate,
  Localized,
  MunicipalityCode,
  Uuid,
  Variant,
} from './common.js';

export const LINE_PATHS = {
  menu: '/v1/menu',
  issuances: '/v1/issuances',
  outcome: '/v1/issuances/:certificateId/outcome',
  heartbeats: '/v1/heartbeats',
} as const;

export const outcomePath = (certificateId: string): string =>
  LINE_PATHS.outcome.replace(':certificateId', encodeURIComponent(certificateId));

// ── Menu ──────────────────────────────────────────────────────────────────────────────────────────────
export const MenuQuery = Type.Object({ kind: CertificateKind });
export type MenuQuery = Static<typeof MenuQuery>;

export const MenuMunicipality = Type.Object({
  code: MunicipalityCode,
  name: Localized,
  /** Open for issuance right now (hours, closures, maintenance). Closed ones are listed so the UI can say why. */
  open: Type.Boolean(),
  opensAt: Type.Optional(
    Type.String({
      description: 'Next opening, ISO 8601 with +09:00, when closed and it reopens within 14 days',
    }),
  ),
  /** Why it is closed now: outside its hours (or a weekday it is closed), 年末年始, a closure day, maintenance. */
  closedReason: Type.Optional(
    Type.Union([
      Type.Literal('hours'),
      Type.Literal('new_year'),
      Type.Literal('closure_date'),
      Type.Literal('maintenance'),
    ]),
  ),
  variants: Type.Array(Variant),
  feeYen: Type.Integer({ minimum: 0 }),
  notices: Type.Array(Localized),
});
export type MenuMunicipality = Static<typeof MenuMunicipality>;

export const Menu = Type.Object({
  kind: CertificateKind,
  serverTime: Type.String({ description: 'ISO 8601' }),
  maxCopies: Type.Integer({ minimum: 1 }),
  municipalities: Type.Array(MenuMunicipality),
});
export type Menu = Static<typeof Menu>;

// ── Issuance ──────────────────────────────────────────────────────────────────────────────────────────
/** The raw elementary files read from the card's text application, base64. */
export const CardData = Type.Object({
  ef0001: Type.String({ contentEncoding: 'base64', maxLength: 64 }),
  ef0002: Type.String({ contentEncoding: 'base64', maxLength: 2048 }),
  ef0003: Type.String({ contentEncoding: 'base64', maxLength: 1024 }),
  ef0004: Type.String({ contentEncoding: 'base64', maxLength: 2048 }),
});
export type CardData = Static<typeof CardData>;

export const IssuanceRequest = Type.Object({
  /** Chosen by the kiosk once per confirmed request; a retry reuses it and gets the same certificate back. */
  requestId: Uuid,
  kind: CertificateKind,
  municipalityCode: MunicipalityCode,
  variant: Variant,
  copies: Type.Integer({ minimum: 1, maximum: 10 }),
  card: CardData,
});
export type IssuanceRequest = Static<typeof IssuanceRequest>;

export const IssuanceResponse = Type.Object({
  requestId: Uuid,
  certificateId: CertificateId,
  issuedOn: IsoDate,
  feeYen: Type.Integer({ minimum: 0, description: 'Total for all copies' }),
  copies: Type.Integer({ minimum: 1 }),
  pdf: Type.String({ contentEncoding: 'base64', description: 'The certificate, application/pdf' }),
});
export type IssuanceResponse = Static<typeof IssuanceResponse>;

// ── Outcome ───────────────────────────────────────────────────────────────────────────────────────────
export const OutcomeParams = Type.Object({ certificateId: CertificateId });
export type OutcomeParams = Static<typeof OutcomeParams>;
export const OutcomeRequest = Type.Object({
  outcome: Type.Union([Type.Literal('printed'), Type.Literal('failed')]),
  /** A device reason code (no_paper, jam, …) for failed prints; never applicant data. */
  reason: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z_]+$' })),
  receiptPrinted: Type.Optional(Type.Boolean()),
});
export type OutcomeRequest = Static<typeof OutcomeRequest>;
export const OutcomeResponse = Type.Object({
  certificateId: CertificateId,
  status: Type.Union([Type.Literal('completed'), Type.Literal('void')]),
});
export type OutcomeResponse = Static<typeof OutcomeResponse>;

// ── Heartbeat ─────────────────────────────────────────────────────────────────────────────────────────
export const DeviceHealth = Type.Object({
  device: Type.Union([
    Type.Literal('card_reader'),
    Type.Literal('a4_printer'),
    Type.Literal('receipt_printer'),
    Type.Literal('payment'),
  ]),
  /** The device's status kind (ready, no_paper, offline, …): see kiosk-session DeviceStatus. */
  status: Type.String({ maxLength: 32 }),
  detail: Type.Optional(Type.String({ maxLength: 200 })),
});
export type DeviceHealth = Static<typeof DeviceHealth>;

export const Heartbeat = Type.Object({
  kioskTime: Type.String({ description: 'ISO 8601' }),
  softwareVersion: Type.String({ maxLength: 40 }),
  uptimeSeconds: Type.Integer({ minimum: 0 }),
  devices: Type.Array(DeviceHealth, { maxItems: 16 }),
  counters: Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), Type.Integer({ minimum: 0 }), {
    maxProperties: 32,
  }),
});
export type Heartbeat = Static<typeof Heartbeat>;
export const HeartbeatAck = Type.Object({
  receivedAt: Type.String(),
  nextInSeconds: Type.Integer({ minimum: 1 }),
});
export type HeartbeatAck = Static<typeof HeartbeatAck>;
