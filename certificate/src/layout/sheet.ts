/**
 * The page as a list of things to draw, in points from the bottom-left corner (PDF's own coordinates). The layout
 * fills it; the PDF writer turns it into operators. Every text line records the box it was fitted into, so tests
 * can check that nothing leaves its cell or the page.
 */
import type { QrSymbol } from '../qr/symbol.js';
import type { Glyph } from '../text/shape.js';

export interface Rect {
  readonly x: number;
  /** Bottom edge. */
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const A4: Rect = { x: 0, y: 0, w: 595.28, h: 841.89 };

export type Item =
  | {
      readonly kind: 'text';
      readonly glyphs: readonly Glyph[];
      readonly x: number;
      readonly baseline: number;
      readonly size: number;
      /** Points. */
      readonly width: number;
      /** 0 = black … 1 = white. */
      readonly gray: number;
      /** The box the line was fitted into. */
      readonly bounds: Rect;
    }
  | { readonly kind: 'fill'; readonly rect: Rect; readonly gray: number }
  | { readonly kind: 'frame'; readonly rect: Rect; readonly lineWidth: number; readonly gray: number }
  | {
      readonly kind: 'line';
      readonly from: readonly [number, number];
      readonly to: readonly [number, number];
      readonly lineWidth: number;
      readonly gray: number;
    }
  | {
      readonly kind: 'qr';
      readonly code: 'shc' | 'vdsNc';
      readonly symbol: QrSymbol;
      /** The square with its quiet zone. */
      readonly rect: Rect;
      readonly moduleSize: number;
    };

export class Sheet {
  readonly items: Item[] = [];

  add(item: Item): void {
    this.items.push(item);
  }

  fill(rect: Rect, gray: number): void {
    this.items.push({ kind: 'fill', rect, gray });
  }

  frame(rect: Rect, lineWidth: number, gray = 0): void {
    this.items.push({ kind: 'frame', rect, lineWidth, gray });
  }

  line(from: readonly [number, number], to: readonly [number, number], lineWidth: number, gray = 0): void {
    this.items.push({ kind: 'line', from, to, lineWidth, gray });
  }
}

/** The part of `rect` inside a padding. */
export const inset = (rect: Rect, dx: number, dy = dx): Rect => ({
  x: rect.x + dx,
  y: rect.y + dy,
  w: rect.w - 2 * dx,
  h: rect.h - 2 * dy,
});
