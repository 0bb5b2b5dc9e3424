/** Reads a PDF's text with poppler's pdftotext: the test judges what a reader of the PDF would see. */
import { execFileSync } from 'node:child_process';

export const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
