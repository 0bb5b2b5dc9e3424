/** The shape of a demo resident: the card the dock puts on the reader and the record the seed stores. */
import type { VaccinationRecord } from '@kiosk/protocol';

/** What the card's text application holds (券面事項入力補助AP), plus the demo PIN. */
export interface DemoCardData {
  myNumber: string;
  /** 氏名 as printed on the card: family name, a space, given name. */
  name: string;
  address: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  /** 4 digits */
  pin: string;
}

export interface DemoResident {
  /** Short slug, unique among the entries. */
  id: string;
  municipalityCode: string;
  card: DemoCardData;
  /** The municipality's record; its municipalityCode is the entry's. */
  record: Omit<VaccinationRecord, 'municipalityCode'>;
  /** For the demo dock. */
  label: string;
}
