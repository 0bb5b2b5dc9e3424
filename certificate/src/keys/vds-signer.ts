/** The VDS-NC document signer: the DSC's private key and certificate, read from PEM files. */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Result } from '@kiosk/protocol';
import type { VdsSigner } from '../codes/vds-nc.js';

export type VdsSignerError =
  { readonly kind: 'dsc-unreadable'; readonly detail: string } | { readonly kind: 'dsc-key-mismatch' };

export async function loadVdsSigner(paths: {
  readonly dscCert: string;
  readonly dscKey: string;
}): Promise<Result<VdsSigner, VdsSignerError>> {
  try {
    const cert = new X509Certificate(await readFile(paths.dscCert));
    const dscKey = createPrivateKey(await readFile(paths.dscKey));
    const fromKey = createPublicKey(dscKey).export({ format: 'der', type: 'spki' });
    const fromCert = cert.publicKey.export({ format: 'der', type: 'spki' });
    // A seal whose embedded certificate does not match its signing key would fail every verifier.
    if (!fromKey.equals(fromCert)) return { ok: false, error: { kind: 'dsc-key-mismatch' } };
    return { ok: true, value: { dscKey, dscCertDer: new Uint8Array(cert.raw) } };
  } catch (e) {
    return { ok: false, error: { kind: 'dsc-unreadable', detail: (e as Error).message } };
  }
}
