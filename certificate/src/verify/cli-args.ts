/** `npm run verify -- <file.pdf|file.png|text> [--jwks file|URL] [--csca file] [--revoked file|URL]` */
import type { Result } from '@kiosk/protocol';

export interface CliArgs {
  readonly input: string;
  readonly jwks: string | undefined;
  readonly csca: string | undefined;
  readonly revoked: string | undefined;
}

export const USAGE =
  'usage: npm run verify -- <file.pdf|file.png|code text> [--jwks file|URL] [--csca file] [--revoked file|URL]';

const OPTIONS = ['--jwks', '--csca', '--revoked'] as const;
type Option = (typeof OPTIONS)[number];

export function parseCliArgs(argv: readonly string[]): Result<CliArgs, string> {
  const values = new Map<Option, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [undefined, undefined];
    if (name === undefined) {
      positional.push(arg);
      continue;
    }
    if (!(OPTIONS as readonly string[]).includes(name)) return { ok: false, error: `unknown option ${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, error: `${name} needs a value` };
    values.set(name as Option, value);
  }
  if (positional.length !== 1) return { ok: false, error: 'give exactly one file or code text' };
  return {
    ok: true,
    value: {
      input: positional[0] ?? '',
      jwks: values.get('--jwks'),
      csca: values.get('--csca'),
      revoked: values.get('--revoked'),
    },
  };
}
