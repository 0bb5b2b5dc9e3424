/** CSV import of a municipality's target list; see the README for the layout. */
export { importTargetList, type ImportSummary } from './import-target-list.js';
export type { ImportError, ImportErrorCode } from './errors.js';
export { DOSE_FIELDS, OTHER_NAMES_COLUMN, PASSPORT_COLUMNS, RESIDENT_COLUMNS } from './layout.js';
