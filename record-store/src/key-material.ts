/**
 * The service's key material from the dev PKI folder: its TLS key and certificate, the line CA that issued the
 * centre's client certificate, and the 32-byte master secret for the at-rest encryption.
 */
import { readRecordStoreMasterKey, readTlsMaterial } from '@kiosk/certs';
import type { TlsMaterial } from './server.js';

export interface ServiceKeyMaterial {
  tls: TlsMaterial;
  masterKey: Buffer;
}

export function readServiceKeyMaterial(certsDir: string): ServiceKeyMaterial {
  return { tls: readTlsMaterial(certsDir, 'record-store'), masterKey: readRecordStoreMasterKey(certsDir) };
}
