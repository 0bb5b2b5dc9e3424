/**
 * A minimal PDF file writer: numbered objects, streams, a classic cross-reference table. Objects written once can
 * be kept as a fragment and appended to later documents at the same object numbers (the per-process font subsets
 * of the labels), which costs one copy instead of a second subsetting and compression.
 */
const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

export interface Fragment {
  readonly bytes: Uint8Array;
  /** [object number, offset within bytes] */
  readonly objects: readonly (readonly [number, number])[];
  readonly nextObject: number;
}

export class PdfWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private readonly offsets = new Map<number, number>();
  private nextNumber: number;

  /** A document writer (with the file header), or a fragment writer when `fragmentFrom` is given. */
  constructor(fragmentFrom?: number) {
    this.nextNumber = fragmentFrom ?? 1;
    if (fragmentFrom === undefined) this.push(HEADER);
  }

  allocate(): number {
    return this.nextNumber++;
  }

  object(num: number, body: string): void {
    this.offsets.set(num, this.length);
    this.push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
  }

  /** `dict` holds the entries besides /Length, e.g. `/Filter /FlateDecode`. */
  stream(num: number, dict: string, data: Uint8Array): void {
    this.offsets.set(num, this.length);
    this.push(Buffer.from(`${num} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'));
    this.push(data);
    this.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  append(fragment: Fragment): void {
    for (const [num, offset] of fragment.objects) this.offsets.set(num, this.length + offset);
    this.push(fragment.bytes);
    this.nextNumber = Math.max(this.nextNumber, fragment.nextObject);
  }

  toFragment(): Fragment {
    return { bytes: Buffer.concat(this.chunks), objects: [...this.offsets], nextObject: this.nextNumber };
  }

  finish(root: number, info: number): Uint8Array {
    const count = this.nextNumber;
    const xrefAt = this.length;
    const rows = ['xref', `0 ${count}`, '0000000000 65535 f '];
    for (let num = 1; num < count; num++) {
      const offset = this.offsets.get(num);
      if (offset === undefined) throw new Error(`object ${num} was allocated but never written`);
      rows.push(`${String(offset).padStart(10, '0')} 00000 n `);
    }
    rows.push(
      'trailer',
      `<< /Size ${count} /Root ${root} 0 R /Info ${info} 0 R >>`,
      'startxref',
      String(xrefAt),
      '%%EOF\n',
    );
    this.push(Buffer.from(rows.join('\n'), 'latin1'));
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

/** A text string for the document information dictionary: UTF-16BE with its byte order mark, in hex. */
export function textString(value: string): string {
  const bytes = Buffer.from(value, 'utf16le').swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}
