/**
 * The offline verifier as a command. Exit 0 only if codes were found and every one is VALID; 1 if any is INVALID
 * or none was found; 2 if the verifier could not run (bad arguments, unreadable trust, a missing tool).
 */
import { readFile, stat } from 'node:fs/promises';
import { devPkiPaths } from '@kiosk/certs';
import { loadTrust } from './load-trust.js';
import { parseCliArgs, USAGE } from './cli-args.js';
import { formatVerdict } from './print.js';
import { describeScanError } from './scan.js';
import { verifyCertificate, type VerifyInput } from './verify-certificate.js';

async function inputOf(arg: string): Promise<VerifyInput> {
  const isFile = await stat(arg).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return { text: arg };
  const bytes = new Uint8Array(await readFile(arg));
  // By content, not by name: a PDF starts with %PDF, a PNG with \x89PNG.
  const head = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
  if (head === '%PDF') return { pdf: bytes };
  if (head === '\x89PNG') return { png: bytes };
  return { text: Buffer.from(bytes).toString('utf8') };
}

export async function main(argv: readonly string[], out = console.log, err = console.error): Promise<number> {
  const args = parseCliArgs(argv);
  if (!args.ok) {
    err(`${args.error}\n${USAGE}`);
    return 2;
  }
  const dev = devPkiPaths();
  const trust = await loadTrust(
    {
      jwks: args.value.jwks ?? dev.signing.jwks,
      cscaCert: args.value.csca ?? dev.vds.cscaCert,
      revoked: args.value.revoked,
    },
    new Date(),
  );
  if (!trust.ok) {
    err(trust.error);
    return 2;
  }
  const verdicts = await verifyCertificate(await inputOf(args.value.input), trust.value);
  if (!verdicts.ok) {
    err(describeScanError(verdicts.error));
    return 2;
  }
  if (verdicts.value.length === 0) {
    out('No SMART Health Card or VDS-NC code found: INVALID');
    return 1;
  }
  out(verdicts.value.map(formatVerdict).join('\n\n'));
  return verdicts.value.every((v) => v.status === 'VALID') ? 0 : 1;
}
