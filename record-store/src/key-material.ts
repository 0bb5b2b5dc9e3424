/**
 * Reads the service's key material from the dev PKI folder: its TLS key and certificate, the line CA that issued
 * the centre's client certificate, and the 32-byte master secret (hex) for the at-rest encryption.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TlsMaterial } from './server.js';

export interface ServiceKeyMaterial {
  tls: TlsMaterial;
  masterKey: Buffer;
}

export function readServiceKeyMaterial(certsDir: string): ServiceKeyMaterial {
  const own = (name: string) => readFileSync(join(certsDir, 'record-store', name), 'utf8');
  const hex = own('master-key.hex').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex))
    throw new Error('record-store/master-key.hex must hold 32 bytes as 64 hex digits');
  return {
    tls: {
      key: own('key.pem'),
      cert: own('cert.pem'),
      ca: readFileSync(join(certsDir, 'line-ca', 'cert.pem'), 'utf8'),
    },
    masterKey: Buffer.from(hex, 'hex'),
  };
}
