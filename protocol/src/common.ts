/** Vocabulary shared by every contract: municipalities, certificate kinds and variants, dates. */
import { Type, type Static } from 'typebox';

/** 全国地方公共団体コード: 6 digits including the check digit, e.g. 131024 (Chuo-ku). */
export const MunicipalityCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'Local government code, 6 digits',
});
export type MunicipalityCode = Static<typeof MunicipalityCode>;

/** Calendar date as YYYY-MM-DD (Japan time where it matters). */
export const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/**
 * The kind of certificate a kiosk session issues. Vaccination is the first kind; the line and the session machine
 * carry the kind as data so that other kinds (resident-record copies, …) can be added without changing them.
 */
export const CertificateKind = Type.Union([Type.Literal('vaccination')]);
export type CertificateKind = Static<typeof CertificateKind>;

/** 日本国内用 (domestic, Japanese only) or 海外用及び日本国内用 (overseas, Japanese and English). */
export const Variant = Type.Union([Type.Literal('domestic'), Type.Literal('overseas')]);
export type Variant = Static<typeof Variant>;

export const Localized = Type.Object({ ja: Type.String(), en: Type.String() });
export type Localized = Static<typeof Localized>;

export const Language = Type.Union([
  Type.Literal('ja'),
  Type.Literal('en'),
  Type.Literal('zh'),
  Type.Literal('ko'),
]);
export type Language = Static<typeof Language>;

/** Kiosk id as printed in the kiosk's client certificate CN, e.g. kiosk-0001. */
export const KioskId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' });
export type KioskId = Static<typeof KioskId>;

/** Certificate ID printed on the certificate and kept in the issuance history. */
export const CertificateId = Type.String({ pattern: '^[A-Z0-9-]{8,40}$' });
export type CertificateId = Static<typeof CertificateId>;

export const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  description: 'UUID in lower case',
});
