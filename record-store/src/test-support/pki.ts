/**
 * Throwaway PKI for tests, made with the openssl CLI in a temp folder: a line CA, the record store's server
 * certificate (127.0.0.1), clients signed by that CA, and a client signed by a foreign CA.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestPki {
  dir: string;
  ca: string;
  server: KeyPair;
  /** CN=center, issued by the CA */
  center: KeyPair;
  /** CN=kiosk-0001, issued by the CA but not an allowed client */
  kiosk: KeyPair;
  /** CN=center, issued by a CA the server does not trust */
  impostor: KeyPair;
  remove(): void;
}

// Arguments are written as one line each and split on spaces: no argument here contains a space.
const openssl = (dir: string, args: string) =>
  execFileSync('openssl', args.split(' '), { cwd: dir, stdio: 'pipe' });
const EC_KEY = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes';

function makeCa(dir: string, name: string): void {
  openssl(
    dir,
    `req -x509 ${EC_KEY} -keyout ${name}.key -out ${name}.pem -days 2 -subj /CN=${name} ` +
      '-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign',
  );
}

function issue(dir: string, ca: string, name: string, cn: string, extensions: string): KeyPair {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, `req -new ${EC_KEY} -keyout ${name}.key -out ${name}.csr -subj /CN=${cn}`);
  const serial = `0x${randomBytes(8).toString('hex')}`;
  openssl(
    dir,
    `x509 -req -in ${name}.csr -CA ${ca}.pem -CAkey ${ca}.key -set_serial ${serial} -days 2 ` +
      `-extfile ${name}.ext -out ${name}.pem`,
  );
  return {
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${name}.pem`), 'utf8'),
  };
}

const SERVER_EXT = 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n';
const CLIENT_EXT = 'extendedKeyUsage=clientAuth\n';

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'record-store-pki-'));
  makeCa(dir, 'line-ca');
  makeCa(dir, 'foreign-ca');
  return {
    dir,
    ca: readFileSync(join(dir, 'line-ca.pem'), 'utf8'),
    server: issue(dir, 'line-ca', 'server', 'record-store', SERVER_EXT),
    center: issue(dir, 'line-ca', 'center', 'center', CLIENT_EXT),
    kiosk: issue(dir, 'line-ca', 'kiosk', 'kiosk-0001', CLIENT_EXT),
    impostor: issue(dir, 'foreign-ca', 'impostor', 'center', CLIENT_EXT),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
