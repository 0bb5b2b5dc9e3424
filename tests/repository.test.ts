/** Repository hygiene: no private key is ever tracked, whatever its file name. */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// A PEM header followed by key material (built from parts so that this file does not match itself).
const pemPrivateKey = new RegExp(
  ['-----BEGIN ', '(?:[A-Z0-9]+ )*', 'PRIVATE KEY-----\\r?\\n[A-Za-z0-9+/=\\r\\n]{64}'].join(''),
);
const privateJwk = /"kty"\s*:\s*"(?:EC|RSA|OKP)"[^}]*"d"\s*:\s*"/s;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
}

export function filesHoldingPrivateKeys(files: readonly string[]): string[] {
  return files.filter((file) => {
    const path = join(root, file);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > 2_000_000) return false;
    const text = readFileSync(path, 'latin1');
    return pemPrivateKey.test(text) || privateJwk.test(text);
  });
}

describe('repository', () => {
  it('tracks no private key (PEM or JWK)', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(filesHoldingPrivateKeys(files)).toEqual([]);
  });

  it('keeps the generated dev PKI out of git', () => {
    expect(trackedFiles().filter((f) => f.startsWith('certs/dev/'))).toEqual([]);
    const ignored = execFileSync('git', ['check-ignore', 'certs/dev/line-ca/key.pem'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ignored.trim()).toBe('certs/dev/line-ca/key.pem');
  });

  it('would notice a private key if one were tracked', () => {
    // The detector itself, against the git-ignored dev PKI (made here if no demo or test has made it yet).
    const generatedKeys = () =>
      execFileSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', 'certs/dev'], {
        cwd: root,
        encoding: 'utf8',
      })
        .split('\n')
        .filter((f) => f.endsWith('key.pem') || f.endsWith('.private.jwk.json'));
    if (generatedKeys().length === 0)
      execFileSync('npm', ['run', '--silent', 'certs'], { cwd: root, stdio: 'ignore' });
    const keys = generatedKeys();
    expect(keys.length).toBeGreaterThan(3);
    expect(filesHoldingPrivateKeys(keys)).toEqual(keys);
  });
});
