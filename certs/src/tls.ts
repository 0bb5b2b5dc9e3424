// Read side for the services and tests: TLS material and the record store's master key, with a clear hint
// when the dev PKI has not been generated yet.
import { readFileSync } from 'node:fs';
import { devPkiPaths } from './paths.js';
import type { CertKeyPaths } from './paths.js';

export type TlsIdentity = 'center' | 'record-store' | 'center-client' | { kiosk: string };

export interface TlsMaterial {
  key: string;
  cert: string;
  /** The line CA certificate: the only CA either side trusts. */
  ca: string;
}

function describe(which: TlsIdentity): string {
  return typeof which === 'string' ? which : `kiosk ${which.kiosk}`;
}

function readOrExplain(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new Error(
      `dev key material for ${what} is missing (${path}); run \`npm run certs\` to create it ` +
        '(or set KIOSK_CERTS_DIR to the folder that has it)',
      { cause: e },
    );
  }
}

/** PEM key, certificate and line CA for one TLS endpoint, ready for node:tls / https options. */
export function readTlsMaterial(which: TlsIdentity): TlsMaterial;
export function readTlsMaterial(dir: string | undefined, which: TlsIdentity): TlsMaterial;
export function readTlsMaterial(first: string | undefined | TlsIdentity, second?: TlsIdentity): TlsMaterial {
  const [dir, which] =
    second === undefined ? [undefined, first as TlsIdentity] : [first as string | undefined, second];
  const paths = devPkiPaths(dir);
  let files: CertKeyPaths;
  if (which === 'center') files = paths.center;
  else if (which === 'record-store') files = paths.recordStore;
  else if (which === 'center-client') files = { cert: paths.center.clientCert, key: paths.center.clientKey };
  else if (typeof which === 'object' && typeof which.kiosk === 'string') files = paths.kiosk(which.kiosk);
  else throw new Error(`unknown TLS identity: ${JSON.stringify(which)}`);
  const what = describe(which);
  return {
    key: readOrExplain(files.key, what),
    cert: readOrExplain(files.cert, what),
    ca: readOrExplain(paths.lineCa.cert, 'the line CA'),
  };
}

/** The 32-byte master secret from which the record store derives each municipality's key. */
export function readRecordStoreMasterKey(dir?: string): Buffer {
  const path = devPkiPaths(dir).recordStore.masterKey;
  const hex = readOrExplain(path, 'the record store master key').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path} must hold 64 hex digits`);
  return Buffer.from(hex, 'hex');
}
