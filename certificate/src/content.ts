/** What a vaccination certificate says. The composer turns this into a PDF and nothing else reads the PDF. */
import type { Dose, Localized, PassportData, Variant } from '@kiosk/protocol';

export interface CertificateContent {
  readonly certificateId: string;
  readonly issuedOn: string;
  readonly variant: Variant;
  readonly municipality: { readonly code: string; readonly name: Localized };
  readonly person: {
    readonly familyName: string;
    readonly givenName: string;
    readonly familyNameKana?: string | undefined;
    readonly givenNameKana?: string | undefined;
    readonly birthDate: string;
  };
  readonly doses: readonly Dose[];
  /** Present for the overseas variant only. */
  readonly passport?: PassportData | undefined;
}
