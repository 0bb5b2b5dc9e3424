import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { defaultCertsDir, devPkiPaths, kioskId } from './paths.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('where the material lives', () => {
  it('defaults to certs/dev beside the package', () => {
    vi.stubEnv('KIOSK_CERTS_DIR', '');
    expect(defaultCertsDir()).toBe(resolve(import.meta.dirname, '..', 'dev'));
  });

  it('follows KIOSK_CERTS_DIR, and an explicit dir beats both', () => {
    vi.stubEnv('KIOSK_CERTS_DIR', 'some/where');
    expect(defaultCertsDir()).toBe(resolve('some/where'));
    expect(devPkiPaths().lineCa.cert).toBe(resolve('some/where', 'line-ca', 'cert.pem'));
    expect(devPkiPaths('/elsewhere').dir).toBe(resolve('/elsewhere'));
  });

  it('names kiosks with four digits and keeps their files inside kiosks/', () => {
    expect(kioskId(7)).toBe('kiosk-0007');
    expect(() => kioskId(0)).toThrow(RangeError);
    const p = devPkiPaths('/pki');
    expect(p.kiosk('kiosk-0007')).toEqual({
      cert: join(resolve('/pki'), 'kiosks', 'kiosk-0007', 'cert.pem'),
      key: join(resolve('/pki'), 'kiosks', 'kiosk-0007', 'key.pem'),
    });
    for (const bad of ['..', '../x', 'a/b', '', '.hidden']) expect(() => p.kiosk(bad)).toThrow();
  });
});

describe('npm run certs options', () => {
  it('reads --kiosks, --force, --dir and --help', () => {
    expect(parseCliArgs([])).toEqual({ help: false, options: { force: false } });
    expect(parseCliArgs(['--kiosks', '5', '--force', '--dir', 'x'])).toEqual({
      help: false,
      options: { force: true, kiosks: 5, dir: 'x' },
    });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it('refuses what it does not understand', () => {
    expect(() => parseCliArgs(['--kiosks', 'three'])).toThrow(/--kiosks/);
    expect(() => parseCliArgs(['--kiosks', '10000'])).toThrow(/--kiosks/);
    expect(() => parseCliArgs(['--kiosk', '3'])).toThrow();
    expect(() => parseCliArgs(['extra'])).toThrow();
  });
});
