/**
 * @egov-kit/schema — the contract every other egov-kit package speaks: the zod schemas (on
 * `zod/mini`) of every entity and request, the dossier status machine, Vietnamese validators,
 * the working-day calendar, form definitions and their validation, the route table.
 *
 * Separate entry points, so that a browser pays only for what it uses: administrative units
 * (`@egov-kit/schema/units`), the authored application forms (`@egov-kit/schema/forms`), the
 * importer of national procedure records (`@egov-kit/schema/procedures`) and the OpenAPI
 * document (`@egov-kit/schema/openapi`).
 *
 * @packageDocumentation
 */

export { OPERATIONS, type OperationId } from './api/operations.js';
export {
  CreateDossierRequest,
  CreatePaymentRequest,
  ListProceduresQuery,
  LookupQuery,
  OfficerAction,
  OfficerActionRequest,
  PaymentNotification,
  StatisticsQuery,
  SupplementRequest,
  UpdateDossierRequest,
  WithdrawRequest,
} from './api/requests.js';
export {
  AgencyList,
  DossierPage,
  EventList,
  Health,
  LookupResult,
  ProcedurePage,
  ProcedureSummary,
  PublicDossier,
  UnitList,
} from './api/responses.js';
export { ROUTES, type RouteAuth, type RouteDefinition, type RouteResponse } from './api/routes.js';
export * from './calendar/index.js';
export {
  AdministrativeLevel,
  AdministrativeUnit,
  CommuneKind,
} from './entities/administrative-unit.js';
export { Agency } from './entities/agency.js';
export {
  Address,
  Applicant,
  IdentityDocumentType,
  IndividualApplicant,
  OrganisationApplicant,
} from './entities/applicant.js';
export { Attachment } from './entities/attachment.js';
export { AmountVnd, CalendarDate, Id, LocalizedTextSchema, Timestamp } from './entities/common.js';
export { Dossier, DossierDocument, DossierOutcome } from './entities/dossier.js';
export { DossierEvent, Notice } from './entities/dossier-event.js';
export {
  Condition,
  FieldDefinition,
  FieldOption,
  FieldType,
  FormDefinition,
  FormSection,
  VisibleWhen,
} from './entities/form-definition.js';
export {
  CreateWebhookEndpointRequest,
  Notification,
  NotificationChannel,
  NotificationKind,
  NotificationPage,
  NotificationPreferences,
  NotificationStatus,
  NotificationTemplate,
  NotificationTemplateList,
  UpdateNotificationPreferencesRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookPayload,
} from './entities/notification.js';
export { type Page, pageOf } from './entities/pagination.js';
export {
  Payment,
  PaymentMethod,
  PaymentProvider,
  PaymentStatus,
  VietQrTransfer,
} from './entities/payment.js';
export { FieldError, Problem } from './entities/problem.js';
export {
  Channel,
  ChannelOption,
  Fee,
  ImportIssue,
  LegalBasis,
  OnlineLevel,
  Procedure,
  ProcedureCase,
  ProcedureLevel,
  ProcessingTime,
  ProcessingTimeUnit,
  RequiredDocument,
} from './entities/procedure.js';
export {
  OnTimeRow,
  OnTimeStatistics,
  SatisfactionSummary,
  ServiceStatistics,
  ServiceStatisticsQuery,
  ServiceStatisticsRow,
  StatisticsGrouping,
} from './entities/statistics.js';
export {
  DEFAULT_SURVEY,
  SatisfactionResponse,
  SurveyCriterion,
  SurveyDefinition,
  SurveyState,
  SurveyStatus,
} from './entities/survey.js';
export { detectMediaType, isAcceptedMediaType } from './files/media-type.js';
export { isEmptyValue, isVisible } from './forms/conditions.js';
export { formDataSchema } from './forms/form-data-schema.js';
export { isAddress } from './forms/is-address.js';
export {
  type FormValidationOptions,
  type FormValidationResult,
  fieldOwners,
  requiredFieldMessage,
  validateFormData,
} from './forms/validate-form-data.js';
export { LOCALES, type Locale, type LocalizedText, resolveLocale } from './i18n/localized-text.js';
export {
  crc16Ccitt,
  InvalidVietQrError,
  NAPAS_GUID,
  VIETQR_ACCOUNT_SERVICE,
  type VietQrInput,
  vietQrPayload,
} from './payment/vietqr.js';
export * from './status/index.js';
export { foldVietnamese } from './text/fold.js';
export {
  searchWords,
  spellOneWay,
  TYPO_MIN_LENGTH,
  withinOneEdit,
} from './text/search-words.js';
export * from './validators/index.js';
