/**
 * The whole page. Header, person and doses flow down from the top; the footer and the closing band (issuer and
 * codes) sit on the bottom margin, so the codes are always in the same place. When the doses run into the band
 * the page is set again more tightly; when even the tightest setting does not fit, the content is too long.
 */
import { ok, type Result } from '@kiosk/protocol';
import { composeFailure, type ComposeError } from '../compose-error.js';
import type { CertificateContent } from '../content.js';
import type { Faces } from '../text/faces.js';
import { closingBand } from './closing.js';
import { MARGIN, type Codes, type LayoutContext } from './context.js';
import { dosesSection } from './doses.js';
import { footer } from './footer.js';
import { header } from './header.js';
import { labelsFor } from './labels.js';
import { personSection } from './person.js';
import { A4, Sheet } from './sheet.js';

const DENSITIES = [1, 0.9, 0.8, 0.7, 0.6];

export function layoutCertificate(
  content: CertificateContent,
  codes: Codes,
  faces: Faces,
): Result<Sheet, ComposeError> {
  for (const density of DENSITIES) {
    const ctx: LayoutContext = {
      sheet: new Sheet(),
      faces,
      labels: labelsFor(content.variant),
      content,
      codes,
      density,
      bilingual: content.variant === 'overseas',
    };
    const band = closingBand(ctx, footer(ctx) + 10 * density);
    if (!band.ok) return band;
    const person = personSection(ctx, header(ctx, A4.h - MARGIN.top));
    if (!person.ok) return person;
    const doses = dosesSection(ctx, person.value - 12 * density);
    if (!doses.ok) return doses;
    if (doses.value >= band.value + 10 * density) return ok(ctx.sheet);
  }
  return composeFailure('CONTENT_TOO_LONG', `doses: ${content.doses.length} do not fit one page`);
}
