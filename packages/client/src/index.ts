/**
 * @egov-kit/client — the typed HTTP client for the egov-kit contract, on ky.
 *
 * `createClient()` gives one resource per part of the contract (procedures, units, agencies,
 * dossiers, attachments, payments, surveys, statistics, officer), typed with the schema
 * package's types. Answers are checked against the contract's zod/mini schemas, which load
 * lazily, per resource. Creating calls carry an Idempotency-Key kept across retries; draft
 * changes carry If-Match. Runs in browsers, Node ≥ 20.19 and workers.
 *
 * @packageDocumentation
 */

export { type Client, createClient } from './client.js';
export { ApiError, type ApiErrorInit, isApiError } from './errors/api-error.js';
export { ConflictError, isConflictError } from './errors/conflict-error.js';
export {
  FileRejectedError,
  type FileRejectionReason,
  isFileRejectedError,
} from './errors/file-rejected-error.js';
export { isNetworkError, NetworkError } from './errors/network-error.js';
export {
  isResponseValidationError,
  ResponseValidationError,
} from './errors/response-validation-error.js';
export { isTimeoutError, TimeoutError } from './errors/timeout-error.js';
export { newIdempotencyKey } from './internal/idempotency-key.js';
export type {
  ClientHooks,
  ClientOptions,
  ConditionalRequestOptions,
  KeyedRequestOptions,
  RequestOptions,
  RetryOptions,
  TokenContext,
} from './options.js';
export type { AgenciesResource, AgencyList, AgencyQuery } from './resources/agencies.js';
export type {
  AttachmentsResource,
  DownloadOptions,
  UploadOptions,
  UploadProgress,
} from './resources/attachments.js';
export type { DossierListQuery, DossiersResource, EventList } from './resources/dossiers.js';
export type { InboxQuery, OfficerActionInput, OfficerResource } from './resources/officer.js';
export type { PaymentList, PaymentMethodList, PaymentsResource } from './resources/payments.js';
export type { ProceduresResource } from './resources/procedures.js';
export type {
  OnTimeQuery,
  ServiceQuery,
  StatisticsResource,
} from './resources/statistics.js';
export type { SurveyAnswers, SurveysResource } from './resources/surveys.js';
export type { UnitList, UnitQuery, UnitsResource } from './resources/units.js';
