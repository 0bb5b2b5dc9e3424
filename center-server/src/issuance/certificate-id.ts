/** Certificate IDs: the municipality code, then 12 random Crockford base32 characters (60 bits), e.g. 131024-7K3M9Q2XWD4F. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCertificateId(municipalityCode: string): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return `${municipalityCode}-${id}`;
}
