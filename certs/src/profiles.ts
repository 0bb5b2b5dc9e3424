// Who each certificate names and what it may be used for.
import { x509 } from './x509.js';
import { CA_YEARS, LEAF_YEARS } from './ec-pki.js';
import type { EcProfile } from './ec-pki.js';

export const LINE_CA_NAME = 'Kiosk Line Dev CA';
export const CENTER_CLIENT_NAME = 'center';
export const CSCA_NAME = 'Dev CSCA Japan (test only)';
export const DSC_NAME = 'Dev VDS-NC Signer';

// Services run on this machine in dev and tests; clients may dial any of the loopback spellings.
const LOOPBACK = { dns: ['localhost'], ips: ['127.0.0.1', '::1'] };

export const lineCaProfile: EcProfile = { name: { CN: LINE_CA_NAME }, ca: true, years: CA_YEARS };

export const centerServerProfile: EcProfile = {
  name: { CN: 'center-server' },
  ca: false,
  years: LEAF_YEARS,
  eku: [x509.ExtendedKeyUsage.serverAuth],
  ...LOOPBACK,
};

/** The centre calling the record store, which knows it by this CN. */
export const centerClientProfile: EcProfile = {
  name: { CN: CENTER_CLIENT_NAME },
  ca: false,
  years: LEAF_YEARS,
  eku: [x509.ExtendedKeyUsage.clientAuth],
};

export const recordStoreServerProfile: EcProfile = {
  name: { CN: 'record-store' },
  ca: false,
  years: LEAF_YEARS,
  eku: [x509.ExtendedKeyUsage.serverAuth],
  ...LOOPBACK,
};

/** The centre learns which kiosk is calling from this CN. */
export function kioskProfile(kioskId: string): EcProfile {
  return { name: { CN: kioskId }, ca: false, years: LEAF_YEARS, eku: [x509.ExtendedKeyUsage.clientAuth] };
}

export const cscaProfile: EcProfile = { name: { C: 'JP', CN: CSCA_NAME }, ca: true, years: CA_YEARS };

export const dscProfile: EcProfile = { name: { C: 'JP', CN: DSC_NAME }, ca: false, years: LEAF_YEARS };
