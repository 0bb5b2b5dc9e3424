/**
 * The receipt (領収書 / ご利用明細) as lines of text, Japanese with English beneath, then as ESC/POS bytes. It
 * prints only the fields listed in README.md: nothing about the resident.
 */
import type { Receipt } from '../receipt-printer.js';
import { displayWidth, EscPosEncoder, type Align } from './encoder.js';

export interface Label {
  readonly ja: string;
  readonly en: string;
}

export interface ReceiptLayoutOptions {
  /** The operators' support number, from configuration (お問い合わせ先). */
  readonly supportPhone: string;
  /** The store the kiosk stands in (店舗名), when configured. */
  readonly storeName?: string;
  /** Columns per line in font A: 42 on 80 mm paper (Epson, font A 12 × 24); 32 on 58 mm. */
  readonly width?: number;
  /** Printed names of certificate kinds and variants by code; an unknown code prints as it is. */
  readonly kinds?: Readonly<Record<string, Label>>;
  readonly variants?: Readonly<Record<string, Label>>;
}

export interface ReceiptLine {
  readonly text: string;
  readonly align: Align;
  /** Double width and height, emphasised: the title only. */
  readonly large?: boolean;
}

export const DEFAULT_WIDTH = 42;

const KINDS: Record<string, Label> = {
  vaccination: { ja: 'ワクチン接種証明書', en: 'Vaccination certificate' },
};
const VARIANTS: Record<string, Label> = {
  domestic: { ja: '日本国内用', en: 'For use in Japan' },
  overseas: { ja: '海外用及び日本国内用', en: 'For use abroad and in Japan' },
};

/** The receipt's lines, each fitting `width` columns (a Kanji takes two). */
export function receiptLines(receipt: Receipt, options: ReceiptLayoutOptions): ReceiptLine[] {
  const width = options.width ?? DEFAULT_WIDTH;
  const left = (text: string): ReceiptLine => ({ text, align: 'left' });
  const rows = (label: string, ...values: string[]): ReceiptLine[] =>
    values.flatMap((value, i) => row(i === 0 ? label : '', value, width)).map(left);
  const rule = left('-'.repeat(width));
  const kind = labelOf(options.kinds ?? KINDS, receipt.certificateKind);
  const variant =
    receipt.variant === undefined ? undefined : labelOf(options.variants ?? VARIANTS, receipt.variant);

  return [
    { text: '領収書', align: 'center', large: true },
    { text: 'ご利用明細 / Receipt', align: 'center' },
    rule,
    ...(options.storeName === undefined ? [] : rows('店舗 Store', options.storeName)),
    ...rows('端末 Kiosk', receipt.kioskId),
    ...rows('日時 Date', japanTime(receipt.printedAt)),
    rule,
    ...rows('証明書 Certificate', kind.ja, kind.en),
    ...(variant ? rows('種類 Type', variant.ja, variant.en) : []),
    ...(receipt.certificateIds ?? []).flatMap((id) => rows('証明書ID Certificate ID', id)),
    ...rows('枚数 Copies', String(receipt.copies)),
    ...rows('金額 Fee', yen(receipt.feeYen)),
    rule,
    ...rows('お問い合わせ Support', options.supportPhone),
    left(''),
    ...wrap('この控えに個人情報は含まれません。', width).map(left),
    ...wrap('This slip holds no personal data.', width).map(left),
  ];
}

/** The receipt as ESC/POS: init, Katakana table, Kanji mode in Shift-JIS, the lines, partial cut. */
export function receiptBytes(receipt: Receipt, options: ReceiptLayoutOptions): Uint8Array {
  const out = new EscPosEncoder().initialize().characterTable(1).kanjiOn();
  for (const line of receiptLines(receipt, options)) {
    out.align(line.align);
    if (line.large) out.size(2, 2).emphasis(true).line(line.text).size(1, 1).emphasis(false);
    else out.line(line.text);
  }
  return out.cut().bytes();
}

/** `label` left and `value` right on one line when both fit, else the value right-aligned on lines of its own. */
function row(label: string, value: string, width: number): string[] {
  const gap = width - displayWidth(label) - displayWidth(value);
  if (gap >= 1) return [label + ' '.repeat(gap) + value];
  const valueLines = wrap(value, width).map((part) => ' '.repeat(width - displayWidth(part)) + part);
  return label === '' ? valueLines : [...wrap(label, width), ...valueLines];
}

/** Breaks `text` into pieces of at most `width` columns (by character: receipts hold no long prose). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const char of text) {
    if (current !== '' && displayWidth(current + char) > width) {
      lines.push(current);
      current = '';
    }
    current += char;
  }
  return [...lines, current];
}

function labelOf(table: Readonly<Record<string, Label>>, code: string): Label {
  return Object.hasOwn(table, code) ? (table[code] as Label) : { ja: code, en: code };
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan keeps no summer time

/** `2025/01/02 13:45 JST`, whatever the kiosk PC's time zone. */
export function japanTime(at: Date): string {
  const t = new Date(at.getTime() + JST_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${t.getUTCFullYear()}/${two(t.getUTCMonth() + 1)}/${two(t.getUTCDate())}`;
  return `${date} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())} JST`;
}

/** `￥1,200`: the full-width yen sign, which Shift-JIS has (the half-width ¥ shares its byte with `\`). */
export function yen(amount: number): string {
  return `￥${amount.toLocaleString('en-US')}`;
}
