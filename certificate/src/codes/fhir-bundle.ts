/**
 * The FHIR R4 bundle inside the SMART Health Card: one Patient and one Immunization per dose, in the minimal form
 * the SHC spec asks for (no id, meta, text or coding display; `resource:N` references) so the card fits one QR code.
 */
import type { CertificateContent } from '../content.js';
import { vaccineCodes } from './vaccines.js';

export const CVX_SYSTEM = 'http://hl7.org/fhir/sid/cvx';

export interface FhirHumanName {
  readonly family: string;
  readonly given: readonly string[];
}

export interface FhirPatient {
  readonly resourceType: 'Patient';
  readonly name: readonly FhirHumanName[];
  readonly birthDate: string;
}

export interface FhirImmunization {
  readonly resourceType: 'Immunization';
  readonly status: 'completed';
  readonly vaccineCode: { readonly coding: readonly { readonly system: string; readonly code: string }[] };
  readonly patient: { readonly reference: string };
  readonly occurrenceDateTime: string;
  readonly performer: readonly { readonly actor: { readonly display: string } }[];
  readonly lotNumber: string;
}

export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly entry: readonly { readonly fullUrl: string; readonly resource: FhirPatient | FhirImmunization }[];
}

/**
 * The name as the reader of the card will compare it: the domestic certificate is checked against Japanese
 * documents (the name in kanji), the overseas one against the passport (the romanized name, surname first as the
 * passport's data page has it).
 */
export function shcName(content: CertificateContent): FhirHumanName {
  if (content.variant === 'overseas' && content.passport) {
    const [family = '', ...given] = content.passport.romanizedName.trim().split(/\s+/);
    return { family, given };
  }
  return { family: content.person.familyName, given: [content.person.givenName] };
}

export function fhirBundle(content: CertificateContent): FhirBundle {
  const performer =
    content.variant === 'overseas' ? content.municipality.name.en : content.municipality.name.ja;
  const patient: FhirPatient = {
    resourceType: 'Patient',
    name: [shcName(content)],
    birthDate: content.person.birthDate,
  };
  const immunizations = content.doses.map((dose): FhirImmunization => ({
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: [{ system: CVX_SYSTEM, code: vaccineCodes(dose).cvx }] },
    patient: { reference: 'resource:0' },
    occurrenceDateTime: dose.date,
    performer: [{ actor: { display: performer } }],
    lotNumber: dose.lot,
  }));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [patient, ...immunizations].map((resource, i) => ({ fullUrl: `resource:${i}`, resource })),
  };
}
