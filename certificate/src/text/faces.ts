/** The certificate's three faces, made once per process from the font files. */
import { ok, type Result } from '@kiosk/protocol';
import type { ComposeError } from '../compose-error.js';
import { certificateFontFiles } from '../fonts.js';
import { Face, type FaceKey } from './face.js';

export type Faces = Readonly<Record<FaceKey, Face>>;

let faces: Faces | undefined;

export function certificateFaces(): Result<Faces, ComposeError> {
  if (faces) return ok(faces);
  const files = certificateFontFiles();
  if (!files.ok) return files;
  faces = {
    gothic: new Face('gothic', files.value.gothic),
    gothicBold: new Face('gothicBold', files.value.gothicBold),
    mincho: new Face('mincho', files.value.mincho),
  };
  return ok(faces);
}
