/**
 * Fonts for the certificate, read from disk once per process: parsing a CJK font costs far more than composing a
 * page, so every document reuses these bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let cached: { regular: Uint8Array; bold: Uint8Array } | undefined;

/** BIZ UDPGothic (SIL OFL), a universal-design Japanese typeface made for public documents. */
export function certificateFonts(): { regular: Uint8Array; bold: Uint8Array } {
  cached ??= {
    regular: readFileSync(
      require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
    ),
    bold: readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf')),
  };
  return cached;
}
