/**
 * The certificate's font files, found and read once per process: parsing a CJK font costs far more than composing
 * a page, so every document reuses them.
 * - BIZ UDPGothic (SIL OFL, from npm), a universal-design typeface made for public documents: all text.
 * - IPAmj明朝 (IPA font licence, Debian fonts-ipamj-mincho): covers the 文字情報基盤 MJ set in which municipalities
 *   record official names, so a name character the gothic lacks (𠮷) is printed as registered, not as a box.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ok, type Result } from '@kiosk/protocol';
import { composeFailure, type ComposeError } from './compose-error.js';

const require = createRequire(import.meta.url);

export interface FontFiles {
  readonly gothic: Uint8Array;
  readonly gothicBold: Uint8Array;
  readonly mincho: Uint8Array;
}

const MINCHO = {
  family: 'IPAmjMincho',
  file: 'ipamjm.ttf',
  // Where Debian (and a hand install) put fonts, searched when fontconfig is not there to ask.
  roots: ['/usr/share/fonts', '/usr/local/share/fonts'],
  missing:
    'IPAmj明朝 (IPAmjMincho) not found: install the Debian package fonts-ipamj-mincho ' +
    '(scripts/install-system-packages.sh does)',
};

let loaded: Result<FontFiles, ComposeError> | undefined;

export function certificateFontFiles(): Result<FontFiles, ComposeError> {
  loaded ??= load();
  return loaded;
}

function load(): Result<FontFiles, ComposeError> {
  const minchoPath = findMincho();
  if (!minchoPath) return composeFailure('FONT_UNAVAILABLE', MINCHO.missing);
  try {
    return ok({
      gothic: readFileSync(
        require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
      ),
      gothicBold: readFileSync(
        require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'),
      ),
      mincho: readFileSync(minchoPath),
    });
  } catch (cause) {
    return composeFailure('FONT_UNAVAILABLE', `font file unreadable: ${(cause as Error).message}`);
  }
}

function findMincho(): string | undefined {
  return fromFontconfig() ?? fromFontDirectories();
}

function fromFontconfig(): string | undefined {
  try {
    const files = execFileSync('fc-list', ['--format', '%{file}\n', MINCHO.family], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return files.split('\n').find((file) => file.endsWith(MINCHO.file) && existsSync(file));
  } catch {
    return undefined;
  }
}

function fromFontDirectories(): string | undefined {
  for (const root of MINCHO.roots) {
    if (!existsSync(root)) continue;
    const found = readdirSync(root, { recursive: true, encoding: 'utf8' }).find(
      (entry) => entry.endsWith(`/${MINCHO.file}`) || entry === MINCHO.file,
    );
    if (found) return join(root, found);
  }
  return undefined;
}
