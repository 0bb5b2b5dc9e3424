/**
 * The VDS-NC data zone for proof of vaccination (ICAO "Visible Digital Seals for Non-Constrained Environments",
 * type `icao.vacc` v1, message fields as defined by WHO): header, holder (`pid`) and the vaccination events (`ve`),
 * one per vaccine product, each with its doses (`vd`).
 */
import type { Result } from '@kiosk/protocol';
import type { CertificateContent } from '../content.js';
import { uvciOf } from './rid.js';
import { vaccineCodes } from './vaccines.js';

/** ICD-11: XM68M6 "COVID-19 vaccines"; RA01.0 "COVID-19, virus identified". */
export const ICD11_COVID19_VACCINE = 'XM68M6';
export const ICD11_COVID19 = 'RA01.0';
export const ISSUING_STATE = 'JPN';
/** Doc 9303 lets a name field hold 39 characters (the TD3 MRZ name field); longer names are truncated there too. */
export const NAME_MAX_LENGTH = 39;
export const ADMINISTERING_CENTRE_MAX_LENGTH = 20;

export interface VdsNcDose {
  readonly dvc: string;
  readonly seq: number;
  readonly ctr: string;
  readonly adm: string;
  readonly lot: string;
}

export interface VdsNcEvent {
  readonly des: string;
  readonly nam: string;
  readonly dis: string;
  readonly vd: readonly VdsNcDose[];
}

export interface VdsNcData {
  readonly hdr: { readonly t: 'icao.vacc'; readonly v: 1; readonly is: string };
  readonly msg: {
    readonly uvci: string;
    readonly pid: { readonly n: string; readonly dob: string; readonly i: string };
    readonly ve: readonly VdsNcEvent[];
  };
}

export type VdsNcError = { readonly kind: 'vds-nc-needs-passport' };

/** The municipality's English name, or its 6-digit code when the name is longer than the field allows. */
function administeringCentre(content: CertificateContent): string {
  const name = content.municipality.name.en;
  return name.length <= ADMINISTERING_CENTRE_MAX_LENGTH ? name : content.municipality.code;
}

export function vdsNcData(content: CertificateContent): Result<VdsNcData, VdsNcError> {
  const passport = content.passport;
  if (!passport) return { ok: false, error: { kind: 'vds-nc-needs-passport' } };
  const adm = administeringCentre(content);
  // Doses of the same product form one event, in the order the products were first given.
  const events = new Map<string, VdsNcDose[]>();
  for (const dose of content.doses) {
    const nam = vaccineCodes(dose).nameEn;
    const doses = events.get(nam) ?? [];
    doses.push({ dvc: dose.date, seq: dose.doseNumber, ctr: ISSUING_STATE, adm, lot: dose.lot });
    events.set(nam, doses);
  }
  return {
    ok: true,
    value: {
      hdr: { t: 'icao.vacc', v: 1, is: ISSUING_STATE },
      msg: {
        uvci: uvciOf(content.certificateId),
        pid: {
          n: passport.romanizedName.trim().slice(0, NAME_MAX_LENGTH),
          dob: content.person.birthDate,
          i: passport.passportNumber,
        },
        ve: [...events].map(([nam, vd]) => ({ des: ICD11_COVID19_VACCINE, nam, dis: ICD11_COVID19, vd })),
      },
    },
  };
}
