/** Numbers as PDF content-stream text: at most 3 decimals (1/1000 pt is far below any printer dot), no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
