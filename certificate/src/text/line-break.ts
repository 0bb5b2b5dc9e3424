/**
 * Greedy line breaking for Japanese and English in table cells. Japanese may break between any two characters
 * except where 禁則 (JIS X 4051) forbids it: no closing bracket, small kana, prolonged sound mark or punctuation at
 * the start of a line, no opening bracket at its end. English breaks after spaces, hyphens and slashes. A word
 * wider than the line is broken anywhere rather than overflowing the cell.
 */
import type { Glyph } from './shape.js';

const NO_LINE_START = new Set(
  Array.from(
    '、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・：；:;',
  ),
);
const NO_LINE_END = new Set(Array.from('（(［[｛{〔〈《「『【〘〖〝‘“｟«'));

const isSpace = (g: Glyph) => g.text === ' ' || g.text === '\u3000';

// Kana, CJK ideographs (BMP and beyond), fullwidth forms: text that breaks between characters.
const isIdeographic = (g: Glyph) => {
  const cp = g.text.codePointAt(0)!;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000
  );
};

function canBreakBefore(before: Glyph, after: Glyph): boolean {
  if (isSpace(before)) return true;
  if (isSpace(after)) return false;
  if (NO_LINE_START.has(after.text.charAt(0)) || NO_LINE_END.has(before.text.charAt(0))) return false;
  if (isIdeographic(before) || isIdeographic(after)) return true;
  return before.text === '-' || before.text === '/';
}

/** Lines of glyphs no wider than `maxWidth` (1/1000 em), leading and trailing spaces dropped. */
export function breakLines(glyphs: readonly Glyph[], maxWidth: number): Glyph[][] {
  const lines: Glyph[][] = [];
  let start = 0;
  const n = glyphs.length;
  while (start < n) {
    while (start < n && isSpace(glyphs[start]!)) start++;
    if (start >= n) break;
    let width = 0;
    let lastBreak = -1;
    let end = n;
    for (let i = start; i < n; i++) {
      const g = glyphs[i]!;
      if (i > start && canBreakBefore(glyphs[i - 1]!, g)) lastBreak = i;
      if (i > start && !isSpace(g) && width + g.advance > maxWidth) {
        end = lastBreak > start ? lastBreak : i;
        break;
      }
      width += g.advance;
    }
    let last = end;
    while (last > start && isSpace(glyphs[last - 1]!)) last--;
    lines.push(glyphs.slice(start, last));
    start = end;
  }
  return lines;
}

export const lineWidth = (line: readonly Glyph[]): number => line.reduce((sum, g) => sum + g.advance, 0);
