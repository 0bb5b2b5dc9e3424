/** What the importer reports per problem: where it is and what kind, never the offending value. */

export type ImportErrorCode =
  | 'CSV_UNTERMINATED_QUOTE'
  | 'CSV_BAD_QUOTE'
  | 'EMPTY_FILE'
  | 'UNKNOWN_MUNICIPALITY'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'WRONG_FIELD_COUNT'
  | 'MISSING_VALUE'
  | 'INVALID_MY_NUMBER'
  | 'INVALID_DATE'
  | 'INVALID_SEX'
  | 'INVALID_STATUS'
  | 'INCOMPLETE_DOSE'
  | 'INCOMPLETE_PASSPORT'
  | 'INVALID_ROMANIZED_NAME'
  | 'INVALID_NATIONALITY'
  | 'INVALID_PASSPORT_NUMBER'
  | 'DUPLICATE_ADDRESSEE_NUMBER'
  | 'DUPLICATE_MY_NUMBER'
  | 'MY_NUMBER_ALREADY_REGISTERED';

export interface ImportError {
  /** 1-based physical line where the record starts; 0 for the file as a whole (e.g. unknown municipality). */
  line: number;
  /** The header name of the column at fault, when there is one. */
  column?: string;
  code: ImportErrorCode;
}
