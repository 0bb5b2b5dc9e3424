/**
 * The certificate-signing material, loaded once at start: the SHC key ring from the signing folder (states from
 * configuration) and the VDS-NC document signer. A misconfiguration stops the centre with a message that says what
 * to fix, before it accepts any request.
 */
import type { DevPkiPaths } from '@kiosk/certs';
import {
  describeKeyRingError,
  loadKeyRing,
  loadVdsSigner,
  type KeyRing,
  type KeyRingConfig,
  type VdsSigner,
} from '@kiosk/certificate';

export interface CertificateKeys {
  readonly keyRing: KeyRing;
  readonly vds: VdsSigner;
}

export async function loadCertificateKeys(
  paths: DevPkiPaths,
  config: KeyRingConfig,
): Promise<CertificateKeys> {
  const keyRing = await loadKeyRing(paths.signing.dir, config);
  if (!keyRing.ok) throw new Error(`certificate signing keys: ${describeKeyRingError(keyRing.error)}`);
  const vds = await loadVdsSigner(paths.vds);
  if (!vds.ok) {
    const why =
      vds.error.kind === 'dsc-key-mismatch' ? 'the key does not match the certificate' : vds.error.detail;
    throw new Error(`VDS-NC document signer (${paths.vds.dscCert}): ${why}`);
  }
  return { keyRing: keyRing.value, vds: vds.value };
}
