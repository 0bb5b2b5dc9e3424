/** Between sqlite rows and the protocol's VaccinationRecord: NULL columns become absent optional fields. */
import type { Dose, VaccinationRecord } from '@kiosk/protocol';
import type { DoseInsert, DoseRow, IssuanceRow, ResidentInsert, ResidentRow } from './statements.js';

type Sex = VaccinationRecord['sex'];
type Status = VaccinationRecord['status'];
type Issuance = VaccinationRecord['issuances'][number];

const optional = <K extends string>(key: K, value: string | null): { [P in K]?: string } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: string };

export function recordFromRows(
  resident: ResidentRow,
  doses: DoseRow[],
  issuances: IssuanceRow[],
): VaccinationRecord {
  const passport =
    resident.romanized_name !== null && resident.nationality !== null && resident.passport_number !== null
      ? {
          romanizedName: resident.romanized_name,
          nationality: resident.nationality,
          passportNumber: resident.passport_number,
          ...optional('otherNames', resident.other_names),
        }
      : undefined;
  return {
    municipalityCode: resident.municipality_code,
    addresseeNumber: resident.addressee_number,
    ...optional('vaccinationTicketNumber', resident.vaccination_ticket_number),
    familyName: resident.family_name,
    givenName: resident.given_name,
    ...optional('familyNameKana', resident.family_name_kana),
    ...optional('givenNameKana', resident.given_name_kana),
    birthDate: resident.birth_date,
    sex: resident.sex as Sex, // the table's CHECK constraint keeps these to the protocol's values
    status: resident.status as Status,
    doses: doses.map((d): Dose => ({
      doseNumber: d.dose_number,
      date: d.date,
      vaccineType: d.vaccine_type,
      product: d.product,
      manufacturer: d.manufacturer,
      lot: d.lot,
    })),
    ...(passport ? { passport } : {}),
    issuances: issuances.map((i): Issuance => ({
      certificateId: i.certificate_id,
      issuedOn: i.issued_on,
      variant: i.variant as Issuance['variant'],
      channel: i.channel as Issuance['channel'],
    })),
  };
}

/** The resident columns of a record; the My Number columns are added by the caller, which holds the keys. */
export function residentColumns(
  record: VaccinationRecord,
): Omit<ResidentInsert, 'my_number_hmac' | 'my_number_enc'> {
  return {
    municipality_code: record.municipalityCode,
    addressee_number: record.addresseeNumber,
    vaccination_ticket_number: record.vaccinationTicketNumber ?? null,
    family_name: record.familyName,
    given_name: record.givenName,
    family_name_kana: record.familyNameKana ?? null,
    given_name_kana: record.givenNameKana ?? null,
    birth_date: record.birthDate,
    sex: record.sex,
    status: record.status,
    romanized_name: record.passport?.romanizedName ?? null,
    nationality: record.passport?.nationality ?? null,
    passport_number: record.passport?.passportNumber ?? null,
    other_names: record.passport?.otherNames ?? null,
  };
}

export function doseColumns(municipalityCode: string, residentId: number, d: Dose): DoseInsert {
  return {
    municipality_code: municipalityCode,
    resident_id: residentId,
    dose_number: d.doseNumber,
    date: d.date,
    vaccine_type: d.vaccineType,
    product: d.product,
    manufacturer: d.manufacturer,
    lot: d.lot,
  };
}
