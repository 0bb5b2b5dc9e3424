/**
 * Verifies one ICAO VDS-NC: shape → the embedded DSC chains to the CSCA and is valid now → ES256 raw r‖s over the
 * RFC 8785 canonical `data` → revocation by UVCI. A DER-encoded signature is refused: the standard says raw.
 */
import { verify, X509Certificate } from 'node:crypto';
import { fromBase64url } from '../codes/base64url.js';
import { uvciOf } from '../codes/rid.js';
import type { VdsNcData } from '../codes/vds-nc-message.js';
import { vdsNcSignedBytes } from '../codes/vds-nc.js';
import { isVdsNcSeal } from './shapes.js';
import type { VerifyTrust } from './trust.js';
import { invalid, type CodeVerdict, type VdsNcContent } from './verdict.js';

const P256_RAW_SIGNATURE_BYTES = 64;

const fail = (text: string, reason: Parameters<typeof invalid>[2], detail: string, content?: VdsNcContent) =>
  invalid('vds-nc' as const, text, reason, detail, content);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function certificate(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

/** A DER ECDSA signature is a SEQUENCE (0x30) of two INTEGERs, 8 to 72 bytes for P-256. */
const looksDer = (sig: Uint8Array): boolean => sig[0] === 0x30 && sig[1] === sig.length - 2;

export function verifyVdsNc(text: string, trust: VerifyTrust): CodeVerdict {
  const seal = parse(text);
  if (!isVdsNcSeal.Check(seal)) return fail(text, 'malformed', 'not a VDS-NC seal');
  const { data, sig } = seal;
  if (data.hdr.t !== 'icao.vacc' || data.hdr.v !== 1) {
    return fail(text, 'unsupported', `seal type ${data.hdr.t} v${data.hdr.v}`);
  }
  if (sig.alg !== 'ES256') return fail(text, 'unsupported', `signature algorithm ${sig.alg}`);
  const signature = fromBase64url(sig.sigvl);
  const der = fromBase64url(sig.cer);
  const dsc = der && certificate(der);
  if (!signature || !dsc) return fail(text, 'malformed', 'sigvl or cer is not base64url of the right thing');
  const content: VdsNcContent = { data: data as VdsNcData, signer: dsc.subject };
  if (dsc.publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return fail(text, 'unsupported', 'the DSC key is not EC P-256', content);
  }
  if (signature.length !== P256_RAW_SIGNATURE_BYTES) {
    return looksDer(signature)
      ? fail(text, 'signature DER-encoded', 'sigvl is a DER signature; VDS-NC requires raw r‖s', content)
      : fail(text, 'malformed', `sigvl is ${signature.length} bytes, not 64`, content);
  }
  const csca = new X509Certificate(trust.cscaCertPem);
  // checkIssued asks "was this certificate issued by that one": names and key identifiers; verify checks the signature.
  if (!csca.ca || !dsc.checkIssued(csca) || !dsc.verify(csca.publicKey)) {
    return fail(text, 'DSC not issued by the CSCA', `DSC ${dsc.subject} does not chain to the CSCA`, content);
  }
  const now = trust.now.getTime();
  if (now < Date.parse(dsc.validFrom) || now > Date.parse(dsc.validTo)) {
    return fail(text, 'DSC not valid now', `DSC valid ${dsc.validFrom} to ${dsc.validTo}`, content);
  }
  const ok = verify(
    'sha256',
    vdsNcSignedBytes(data),
    { key: dsc.publicKey, dsaEncoding: 'ieee-p1363' },
    signature,
  );
  if (!ok) return fail(text, 'signature invalid', 'sigvl does not verify with the DSC', content);
  if ([...trust.revoked].some((id) => uvciOf(id) === data.msg.uvci)) {
    return fail(text, 'revoked', `certificate with UVCI ${data.msg.uvci} is revoked`, content);
  }
  return { kind: 'vds-nc', text, status: 'VALID', content };
}
