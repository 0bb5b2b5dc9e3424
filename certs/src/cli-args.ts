// Command-line options of `npm run certs`, kept apart from the entry point so they can be tested.
import { parseArgs } from 'node:util';
import { DEFAULT_KIOSKS } from './generate.js';
import type { GenerateOptions } from './generate.js';
import { MAX_KIOSKS } from './paths.js';

export const USAGE = `Usage: npm run certs -- [--kiosks N] [--force] [--dir DIR]

Creates the dev PKI (line CA, TLS and kiosk certificates, test card issuer, signing keys, VDS-NC chain).
Existing files are kept; only what is missing is made.

  --kiosks N   kiosks kiosk-0001 … to have at least (default ${DEFAULT_KIOSKS}, at most ${MAX_KIOSKS})
  --force      replace everything, including the line CA and the record store master key
  --dir DIR    target folder (default: $KIOSK_CERTS_DIR, else certs/dev)
  --help       show this text`;

export type CliCommand = { help: true } | { help: false; options: GenerateOptions };

export function parseCliArgs(argv: string[]): CliCommand {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      kiosks: { type: 'string' },
      force: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const options: GenerateOptions = { force: values.force };
  if (values.kiosks !== undefined) {
    if (!/^\d+$/.test(values.kiosks) || Number(values.kiosks) > MAX_KIOSKS) {
      throw new Error(`--kiosks wants a whole number from 0 to ${MAX_KIOSKS}, got "${values.kiosks}"`);
    }
    options.kiosks = Number(values.kiosks);
  }
  if (values.dir !== undefined) options.dir = values.dir;
  return { help: false, options };
}
