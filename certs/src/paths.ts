// Where every piece of dev key material lives. Other parts code against these names, so they are fixed here once.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths inside the certs folder, always with forward slashes (also what manifest.json lists). */
export const LAYOUT = {
  lineCa: { cert: 'line-ca/cert.pem', key: 'line-ca/key.pem' },
  center: {
    cert: 'center/cert.pem',
    key: 'center/key.pem',
    clientCert: 'center/client-cert.pem',
    clientKey: 'center/client-key.pem',
  },
  recordStore: {
    cert: 'record-store/cert.pem',
    key: 'record-store/key.pem',
    masterKey: 'record-store/master-key.hex',
  },
  kiosksDir: 'kiosks',
  cardIssuer: { cert: 'card-issuer/cert.pem', key: 'card-issuer/key.pem', issuer: 'card-issuer/issuer.json' },
  signing: {
    dir: 'signing',
    firstPrivateJwk: 'signing/es256-2026-1.private.jwk.json',
    jwks: 'signing/jwks.json',
  },
  vds: {
    cscaCert: 'vds/csca-cert.pem',
    cscaKey: 'vds/csca-key.pem',
    dscCert: 'vds/dsc-cert.pem',
    dscKey: 'vds/dsc-key.pem',
  },
  manifest: 'manifest.json',
} as const;

/** Suffix of the files in signing/ that hold a private JWK; jwks.json publishes all of them. */
export const PRIVATE_JWK_SUFFIX = '.private.jwk.json';

export const KIOSK_ID_PATTERN = /^kiosk-\d{4}$/;
export const MAX_KIOSKS = 9999;

/** kiosk-0001 … kiosk-9999. */
export function kioskId(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_KIOSKS)
    throw new RangeError(`kiosk number out of range: ${n}`);
  return `kiosk-${String(n).padStart(4, '0')}`;
}

export function kioskRelPaths(id: string): CertKeyPaths {
  // The id becomes a folder name: refuse anything that could step outside kiosks/.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id))
    throw new Error(`not a usable kiosk id: ${JSON.stringify(id)}`);
  return { cert: `${LAYOUT.kiosksDir}/${id}/cert.pem`, key: `${LAYOUT.kiosksDir}/${id}/key.pem` };
}

export interface CertKeyPaths {
  cert: string;
  key: string;
}

export interface DevPkiPaths {
  dir: string;
  lineCa: CertKeyPaths;
  center: CertKeyPaths & { clientCert: string; clientKey: string };
  recordStore: CertKeyPaths & { masterKey: string };
  kiosksDir: string;
  kiosk(id: string): CertKeyPaths;
  cardIssuer: CertKeyPaths & { issuer: string };
  signing: { dir: string; firstPrivateJwk: string; jwks: string };
  vds: { cscaCert: string; cscaKey: string; dscCert: string; dscKey: string };
  manifest: string;
}

/** certs/dev beside this package (works from src/ and dist/ alike), unless KIOSK_CERTS_DIR says otherwise. */
export function defaultCertsDir(): string {
  const fromEnv = process.env['KIOSK_CERTS_DIR'];
  if (fromEnv) return resolve(fromEnv);
  return fileURLToPath(new URL('../dev', import.meta.url));
}

/** Absolute paths of everything the generator makes, in `dir` or the default folder. */
export function devPkiPaths(dir?: string): DevPkiPaths {
  const root = resolve(dir ?? defaultCertsDir());
  const at = (rel: string): string => join(root, ...rel.split('/'));
  const L = LAYOUT;
  return {
    dir: root,
    lineCa: { cert: at(L.lineCa.cert), key: at(L.lineCa.key) },
    center: {
      cert: at(L.center.cert),
      key: at(L.center.key),
      clientCert: at(L.center.clientCert),
      clientKey: at(L.center.clientKey),
    },
    recordStore: {
      cert: at(L.recordStore.cert),
      key: at(L.recordStore.key),
      masterKey: at(L.recordStore.masterKey),
    },
    kiosksDir: at(L.kiosksDir),
    kiosk(id: string) {
      const rel = kioskRelPaths(id);
      return { cert: at(rel.cert), key: at(rel.key) };
    },
    cardIssuer: { cert: at(L.cardIssuer.cert), key: at(L.cardIssuer.key), issuer: at(L.cardIssuer.issuer) },
    signing: {
      dir: at(L.signing.dir),
      firstPrivateJwk: at(L.signing.firstPrivateJwk),
      jwks: at(L.signing.jwks),
    },
    vds: {
      cscaCert: at(L.vds.cscaCert),
      cscaKey: at(L.vds.cscaKey),
      dscCert: at(L.vds.dscCert),
      dscKey: at(L.vds.dscKey),
    },
    manifest: at(L.manifest),
  };
}
