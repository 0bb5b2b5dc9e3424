/**
 * Per-municipality keys derived from one master secret with HKDF-SHA256, so that a partition's My Numbers can only be
 * found and decrypted with that partition's keys. Derived keys are cached: HKDF runs once per municipality.
 */
import { hkdfSync } from 'node:crypto';

export interface MunicipalityKeys {
  /** AES-256-GCM key for the stored My Number. */
  readonly aes: Buffer;
  /** HMAC-SHA256 key for the My Number search index. */
  readonly hmac: Buffer;
}

export const MASTER_KEY_BYTES = 32;

// A fixed salt ties the derivation to this store; the info string separates purposes and municipalities.
const SALT = Buffer.from('kiosk-record-store-v1', 'utf8');

export function deriveMunicipalityKeys(masterKey: Buffer, municipalityCode: string): MunicipalityKeys {
  const derive = (purpose: string): Buffer =>
    Buffer.from(hkdfSync('sha256', masterKey, SALT, `record-store/${purpose}/${municipalityCode}`, 32));
  return { aes: derive('aes'), hmac: derive('hmac') };
}

/** Returns a cached key lookup; the master key is checked once here because a wrong length is a setup bug. */
export function municipalityKeyring(masterKey: Buffer): (municipalityCode: string) => MunicipalityKeys {
  if (masterKey.length !== MASTER_KEY_BYTES) {
    throw new RangeError(`the record-store master key must be ${MASTER_KEY_BYTES} bytes`);
  }
  const master = Buffer.from(masterKey); // own copy: the caller may wipe theirs
  const cache = new Map<string, MunicipalityKeys>();
  return (code) => {
    let keys = cache.get(code);
    if (!keys) {
      keys = deriveMunicipalityKeys(master, code);
      cache.set(code, keys);
    }
    return keys;
  };
}
