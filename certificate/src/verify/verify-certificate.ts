/**
 * The offline verifier: finds the codes in a PDF, a PNG or given text, and judges each one against what the
 * verifier trusts. It needs no network: the trust (JWKS, CSCA, revocation list) is handed in.
 */
import type { Result } from '@kiosk/protocol';
import { SHC_PREFIX } from '../codes/shc-numeric.js';
import { scanPdf, scanPng, type ScanError } from './scan.js';
import type { VerifyTrust } from './trust.js';
import { invalid, type CodeVerdict } from './verdict.js';
import { verifyShc } from './verify-shc.js';
import { verifyVdsNc } from './verify-vds-nc.js';

export interface VerifyInput {
  readonly pdf?: Uint8Array | undefined;
  readonly png?: Uint8Array | undefined;
  /** One code's exact text (`shc:/…` or the VDS-NC JSON). */
  readonly text?: string | undefined;
}

export function verifyCode(text: string, trust: VerifyTrust): Promise<CodeVerdict> | CodeVerdict {
  const trimmed = text.trim();
  if (trimmed.startsWith(SHC_PREFIX)) return verifyShc(trimmed, trust);
  if (trimmed.startsWith('{')) return verifyVdsNc(trimmed, trust);
  return invalid<'unknown', never>(
    'unknown',
    text,
    'unsupported',
    'neither a SMART Health Card nor a VDS-NC',
  );
}

export async function verifyCertificate(
  input: VerifyInput,
  trust: VerifyTrust,
): Promise<Result<CodeVerdict[], ScanError>> {
  const texts: string[] = [];
  for (const [bytes, scan] of [
    [input.pdf, scanPdf],
    [input.png, scanPng],
  ] as const) {
    if (!bytes) continue;
    const found = await scan(bytes);
    if (!found.ok) return found;
    texts.push(...found.value);
  }
  if (input.text !== undefined) texts.push(input.text);
  return { ok: true, value: await Promise.all(texts.map((t) => verifyCode(t, trust))) };
}
