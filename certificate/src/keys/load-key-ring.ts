/** Reads the key ring from a folder of private JWK files (the dev PKI's signing/ folder, or production's). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JWK } from 'jose';
import type { Result } from '@kiosk/protocol';
import { buildKeyRing, type NamedJwk } from './build-key-ring.js';
import type { KeyRing, KeyRingConfig, KeyRingError } from './key-ring.js';

export const PRIVATE_JWK_SUFFIX = '.private.jwk.json';

export async function loadKeyRing(
  dir: string,
  config: KeyRingConfig = {},
): Promise<Result<KeyRing, KeyRingError>> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(PRIVATE_JWK_SUFFIX));
  } catch {
    return { ok: false, error: { kind: 'no-signing-keys', dir } };
  }
  const entries: NamedJwk[] = [];
  for (const file of files) {
    const name = file.slice(0, -PRIVATE_JWK_SUFFIX.length);
    try {
      entries.push({ name, jwk: JSON.parse(await readFile(join(dir, file), 'utf8')) as JWK });
    } catch (e) {
      return { ok: false, error: { kind: 'key-file-invalid', name, detail: (e as Error).message } };
    }
  }
  return buildKeyRing(entries, config, dir);
}

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Rotation is configuration: CERT_SIGNING_ACTIVE_KID (kid or file name; default the newest file),
 * CERT_SIGNING_RETIRED_KIDS and CERT_SIGNING_EXPIRED_KIDS (comma-separated).
 */
export function keyRingConfigFromEnv(env: NodeJS.ProcessEnv): KeyRingConfig {
  return {
    active: env['CERT_SIGNING_ACTIVE_KID'] || undefined,
    retired: list(env['CERT_SIGNING_RETIRED_KIDS']),
    expired: list(env['CERT_SIGNING_EXPIRED_KIDS']),
  };
}
