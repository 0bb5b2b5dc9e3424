/** What a vaccination certificate says. The composer turns this into a PDF and nothing else reads the PDF. */
import type { Dose, Localized, PassportData, Variant } from '@kiosk/protocol';

export interface CertificateContent {
  readonly certificateId: string;
  /** YYYY-MM-DD, Japan time. */
  readonly issuedOn: string;
  readonly variant: Variant;
  readonly municipality: {
    readonly code: string;
    readonly name: Localized;
    /** Who certifies, as printed: 中央区長 / Mayor of Chuo City. */
    readonly mayorTitle: Localized;
  };
  readonly person: {
    readonly familyName: string;
    readonly givenName: string;
    readonly familyNameKana?: string | undefined;
    readonly givenNameKana?: string | undefined;
    /** YYYY-MM-DD */
    readonly birthDate: string;
  };
  /** In dose order; the page holds up to 7 (the most any resident received), more if the values are short. */
  readonly doses: readonly Dose[];
  /** Present for the overseas variant only. */
  readonly passport?: PassportData | undefined;
}

/**
 * The head of a municipality is its name + 長 (中央区長, 印西市長, 〇〇町長, 〇〇村長); in English "Mayor of" the
 * name. A municipality that prints something else configures its own title.
 */
export const defaultMayorTitle = (name: Localized): Localized => ({
  ja: `${name.ja}長`,
  en: `Mayor of ${name.en}`,
});
