/**
 * The procedure importer: records of the National Database on Administrative Procedures
 * (Cơ sở dữ liệu quốc gia về thủ tục hành chính) into `Procedure`s, and the parsers it
 * is built from, for callers that read the same free text elsewhere.
 *
 * @module
 */
export { importNationalProcedure } from './import-national.js';
export {
  InvalidNationalRecordError,
  isInvalidNationalRecordError,
} from './invalid-national-record-error.js';
export {
  NationalChannelRow,
  NationalDocumentRow,
  NationalLegalBasisRow,
  NationalProcedureRecord,
} from './national-record.js';
export { deriveOnlineLevel, type OnlineLevelInput } from './online-level.js';
export {
  DEFAULT_ACCEPTED_TYPES,
  DEFAULT_MAX_SIZE_BYTES,
  type DocumentsReading,
  isRequiredDocument,
  parseDocumentCounts,
  parseDocuments,
  templateOf,
  type UnreadDocumentCounts,
} from './parse-documents.js';
export { type FeeReading, parseFees, type UnreadFee } from './parse-fee.js';
export { type LevelsReading, parseLevels } from './parse-levels.js';
export {
  findUnitConflict,
  type ProcessingTimeReading,
  parseProcessingTime,
} from './parse-processing-time.js';
export { parseSteps } from './parse-steps.js';
export { splitList } from './split-list.js';
