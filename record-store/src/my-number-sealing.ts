/**
 * How a My Number sits at rest: an HMAC to find it and an AES-256-GCM ciphertext (iv ‖ tag ‖ ciphertext) to keep it.
 * The associated data binds the ciphertext to its row, so it cannot be copied to another resident or partition.
 */
import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import type { MunicipalityKeys } from './keys.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

// IVs are cut from a pool filled 1,024 at a time: one randomBytes call per IV cost ~13 µs here, most of a bulk
// insert's crypto. Every IV is still fresh CSPRNG output and each slice is used once.
const IV_POOL = Buffer.alloc(IV_BYTES * 1024);
let ivOffset = IV_POOL.length;
function freshIv(): Buffer {
  if (ivOffset === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivOffset, ivOffset + IV_BYTES)); // a copy, so refills cannot change it
  ivOffset += IV_BYTES;
  return iv;
}

const associatedData = (municipalityCode: string, addresseeNumber: string): Buffer =>
  Buffer.from(`record-store/my-number/${municipalityCode}/${addresseeNumber}`, 'utf8');

/** The search key: equal My Numbers give equal values inside one municipality and unrelated ones across them. */
export function myNumberIndex(keys: MunicipalityKeys, myNumber: string): Buffer {
  return createHmac('sha256', keys.hmac).update(myNumber, 'utf8').digest();
}

export function sealMyNumber(
  keys: MunicipalityKeys,
  municipalityCode: string,
  addresseeNumber: string,
  myNumber: string,
): Buffer {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', keys.aes, iv);
  cipher.setAAD(associatedData(municipalityCode, addresseeNumber));
  const ciphertext = Buffer.concat([cipher.update(myNumber, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the key, the row or the bytes are wrong: GCM authentication refuses them. */
export function openMyNumber(
  keys: MunicipalityKeys,
  municipalityCode: string,
  addresseeNumber: string,
  sealed: Buffer,
): string {
  const decipher = createDecipheriv('aes-256-gcm', keys.aes, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(associatedData(municipalityCode, addresseeNumber));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
