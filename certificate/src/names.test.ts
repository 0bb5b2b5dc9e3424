import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { composeCertificate, layoutPage } from './compose.js';
import type { CertificateContent } from './content.js';
import { certificateFontFiles } from './fonts.js';
import type { Item } from './layout/sheet.js';
import { drawnGlyphs } from './test-support/embedded-fonts.js';
import { overseasCodes, overseasContent } from './test-support/fixtures.js';
import { crop, darkPixels, differingPixels, pdfText, rasterize } from './test-support/poppler.js';
import { referencePdf } from './test-support/reference.js';

const files = certificateFontFiles();
if (!files.ok) throw new Error(files.error.detail);
const originals = {
  'BIZUDPGothic-Regular': fontkit.create(Buffer.from(files.value.gothic)) as fontkit.Font,
  'BIZUDPGothic-Bold': fontkit.create(Buffer.from(files.value.gothicBold)) as fontkit.Font,
  IPAmjMincho: fontkit.create(Buffer.from(files.value.mincho)) as fontkit.Font,
};

/** Official names in characters many fonts lack or replace: 𠮷 (U+20BB7, outside the BMP), 髙, 﨑, 齋. */
const NAMES = [
  { familyName: '𠮷田', givenName: '健二', familyNameKana: 'ヨシダ', givenNameKana: 'ケンジ' },
  { familyName: '髙橋', givenName: '齋', familyNameKana: 'タカハシ', givenNameKana: 'ヒトシ' },
  { familyName: '山﨑', givenName: '𠮷子' },
];
interface UvsRecord {
  varSelector: number;
  nonDefaultUVS?: { unicodeValue: number; glyphID: number }[];
}

const LONG_ROMANIZED = 'WOLFESCHLEGELSTEINHAUSENBERG HUBERT BLAINE';

const withName = (
  name: Partial<CertificateContent['person']>,
  romanized = LONG_ROMANIZED,
): CertificateContent => ({
  ...overseasContent,
  person: { ...overseasContent.person, familyNameKana: undefined, givenNameKana: undefined, ...name },
  passport: { ...overseasContent.passport!, romanizedName: romanized },
});

async function compose(content: CertificateContent): Promise<Uint8Array> {
  const result = await composeCertificate(content, overseasCodes);
  if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.detail}`);
  return result.value;
}

function lineShowing(content: CertificateContent, text: string): Extract<Item, { kind: 'text' }> {
  const sheet = layoutPage(content, overseasCodes);
  if (!sheet.ok) throw new Error(sheet.error.detail);
  const line = sheet.value.items.find(
    (i) => i.kind === 'text' && i.glyphs.map((g) => g.text).join('') === text,
  );
  if (!line || line.kind !== 'text') throw new Error(`no line shows ${text}`);
  return line;
}

describe('names in official characters', () => {
  it.each(NAMES)(
    'prints $familyName $givenName with every character from an embedded glyph of the right outline',
    async (name) => {
      const content = withName(name);
      const pdf = await compose(content);
      expect(pdfText(pdf)).toContain(`${name.familyName} ${name.givenName}`);
      const drawn = await drawnGlyphs(pdf);
      for (const ch of Array.from(name.familyName + name.givenName)) {
        const glyphs = drawn.filter((g) => g.text === ch);
        expect(glyphs.length, ch).toBeGreaterThan(0);
        for (const g of glyphs) {
          expect(g.cid, ch).toBeGreaterThan(0);
          const original = originals[g.baseFont.split('+')[1] as keyof typeof originals];
          const expected = original.glyphsForString(ch)[0]!;
          const embedded = g.font.getGlyph(g.cid);
          expect(expected.id, `${ch} in ${g.baseFont}`).toBeGreaterThan(0);
          expect(embedded.path.commands.length, ch).toBeGreaterThan(0);
          expect(embedded.path.toSVG(), ch).toBe(expected.path.toSVG());
          expect(embedded.advanceWidth, ch).toBe(expected.advanceWidth);
        }
      }
      // 𠮷 is not in the gothic: it comes from IPAmj明朝, every other character from the gothic.
      for (const g of drawn.filter((d) => d.text === '𠮷')) expect(g.baseFont).toMatch(/\+IPAmjMincho$/);
      for (const g of drawn.filter((d) => '髙﨑齋'.includes(d.text)))
        expect(g.baseFont).toMatch(/\+BIZUDPGothic-Bold$/);
    },
  );

  it('no glyph on the page is .notdef, and every glyph drawn has an outline unless it is a space', async () => {
    const pdf = await compose(withName(NAMES[0]!));
    for (const g of await drawnGlyphs(pdf)) {
      expect(g.cid).toBeGreaterThan(0);
      if (g.text.trim()) expect(g.font.getGlyph(g.cid).path.commands.length, g.text).toBeGreaterThan(0);
    }
  });

  it.each(NAMES)(
    'renders $familyName $givenName as a second implementation does (pdf-lib + fontkit subset)',
    async (name) => {
      const content = withName(name);
      const line = lineShowing(content, `${name.familyName} ${name.givenName}`);
      const region = {
        x: line.x - 2,
        y: line.baseline - line.size * 0.2,
        w: line.width + 4,
        h: line.size * 1.2,
      };
      const page = crop(rasterize(await compose(content), 150), region);
      const reference = crop(rasterize(await referencePdf(line), 150), region);
      expect(darkPixels(page)).toBeGreaterThan(200);
      expect(differingPixels(page, reference)).toBeLessThanOrEqual(page.pixels.length * 0.002);
      // The comparison sees a wrong character: the same line with 吉 for 𠮷, 高 for 髙 and 崎 for 﨑 differs.
      const lookalikes = await referencePdf(
        line,
        (t) => ({ '𠮷': '吉', 髙: '高', 﨑: '崎', 齋: '斎' })[t] ?? t,
      );
      expect(differingPixels(page, crop(rasterize(lookalikes, 150), region))).toBeGreaterThan(20);
    },
  );

  it('prints a long romanized name in full, within its cell', async () => {
    const content = withName(NAMES[1]!, `${LONG_ROMANIZED} MARIA-THERESIA`);
    const text = pdfText(await compose(content));
    expect(text.replace(/\s+/g, ' ')).toContain(`${LONG_ROMANIZED} MARIA-THERESIA`);
    const line = lineShowing(content, `${LONG_ROMANIZED} MARIA-THERESIA`);
    expect(line.x + line.width).toBeLessThanOrEqual(line.bounds.x + line.bounds.w);
  });

  it('refuses a name with a character no font has, naming the code point and never the name', async () => {
    const result = await composeCertificate(
      withName({ familyName: '\uE000田', givenName: '健二' }),
      overseasCodes,
    );
    expect(result).toEqual({
      ok: false,
      error: { reason: 'GLYPH_MISSING', detail: 'U+E000 in person.name' },
    });
    const unknownVariant = await composeCertificate(withName({ familyName: '葛\u{E01EF}西' }), overseasCodes);
    expect(unknownVariant).toEqual({
      ok: false,
      error: { reason: 'GLYPH_MISSING', detail: 'U+845B U+E01EF in person.name' },
    });
  });

  it('prints a registered variation sequence (葛 + U+E0100) with the glyph the font maps to it', async () => {
    const content = withName({ familyName: '葛\u{E0100}西', givenName: '健二' });
    const drawn = await drawnGlyphs(await compose(content));
    const glyph = drawn.find((g) => g.text === '葛\u{E0100}');
    expect(glyph).toBeDefined();
    const original = originals[glyph!.baseFont.split('+')[1] as keyof typeof originals];
    // Read the font's format-14 table directly: fontkit's own lookup misses non-default sequences.
    const uvs = (
      original as unknown as { _cmapProcessor: { uvs: { varSelectors: { toArray(): UvsRecord[] } } } }
    )._cmapProcessor.uvs.varSelectors.toArray();
    const mapped = uvs
      .find((s) => s.varSelector === 0xe0100)
      ?.nonDefaultUVS?.find((m) => m.unicodeValue === 0x845b);
    expect(mapped).toBeDefined();
    expect(mapped!.glyphID).not.toBe(original.glyphForCodePoint(0x845b).id);
    expect(glyph!.font.getGlyph(glyph!.cid).path.toSVG()).toBe(
      original.getGlyph(mapped!.glyphID).path.toSVG(),
    );
  });
});
