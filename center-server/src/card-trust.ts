/** Card-issuer trust anchors by AKI. In production these are J-LIS keys; in dev and tests the generated test issuer. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface IssuerFile {
  readonly aki: string;
  readonly publicKeyPem: string;
}

export function loadCardTrustAnchors(issuerFiles: readonly string[]): Map<string, KeyObject> {
  const anchors = new Map<string, KeyObject>();
  for (const file of issuerFiles) {
    const issuer = JSON.parse(readFileSync(file, 'utf8')) as IssuerFile;
    anchors.set(issuer.aki.toLowerCase(), createPublicKey(issuer.publicKeyPem));
  }
  return anchors;
}
