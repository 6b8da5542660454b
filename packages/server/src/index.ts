/**
 * @egov-kit/server — the reference back end for the egov-kit contract.
 *
 * @packageDocumentation
 */
export { type AppOptions, BASE, createApp } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export type { Database, Queryable } from './db/database.js';
export { MIGRATIONS, migrate } from './db/migrations.js';
export { openDatabase, type StorageConfig } from './db/open.js';
export type { DemoOptions } from './demo/demo-routes.js';
export {
  type DemoSigner,
  type DemoSigningIdentities,
  type DemoSigningIdentity,
  loadDemoSigningIdentities,
} from './demo/signing-identities.js';
export {
  type AuthConfig,
  DEFAULT_ALGORITHMS,
  type Principal,
  type Role,
  signDevToken,
  TOKEN_DEFAULTS,
  type TokenPolicy,
  TokenVerifier,
} from './http/auth.js';
export {
  clientAddressResolver,
  parseTrustedProxy,
  rateLimitKey,
  type TrustedProxy,
} from './http/client-address.js';
export type { AppEnv, AppVariables, RequestInput } from './http/env.js';
export type { Handlers, OperationContext, OperationHandler, OperationId } from './http/handlers.js';
export { RECEIPT_LIMITS, type ReceiptLimits } from './http/middleware/rate-limit.js';
export { API_CSP, DOWNLOAD_CSP, PAGE_CSP } from './http/middleware/security-headers.js';
export {
  HttpProblem,
  isHttpProblem,
  PROBLEMS,
  type ProblemCode,
  problemFromError,
} from './http/problem.js';
export {
  hitRateLimit,
  pruneRateLimits,
  type RateDecision,
  type RateRule,
} from './http/rate-limit.js';
export {
  type EmailMessage,
  type EmailSender,
  PermanentDeliveryError,
  type PostWebhookOptions,
  postWebhook,
  type SmsMessage,
  type SmsProvider,
  SmtpEmailSender,
  type SmtpOptions,
} from './notifications/channels.js';
export {
  DEFAULT_DISPATCH_POLICY,
  type DispatcherOptions,
  type DispatchPolicy,
  type DispatchReport,
  type DispatchSchedule,
  NotificationDispatcher,
  scheduleDispatch,
} from './notifications/dispatcher.js';
export { DEFAULT_TEMPLATES, render, TEMPLATE_VARIABLES } from './notifications/templates.js';
export {
  checkWebhookUrl,
  DEFAULT_WEBHOOK_POLICY,
  isPublicAddress,
  type WebhookTargetPolicy,
} from './notifications/webhook-target.js';
export {
  jsonLogger,
  type LogFields,
  type Logger,
  maskAddress,
  maskPersonalData,
  silentLogger,
} from './observability/log.js';
export { Metrics } from './observability/metrics.js';
export { cashProvider } from './payments/cash-provider.js';
export {
  type ConfiguredPayments,
  configurePayments,
  DEMO_VIETQR_ACCOUNT,
  type PaymentConfig,
  readPaymentConfig,
} from './payments/configure.js';
export {
  type DemoGateway,
  type DemoGatewayPayment,
  demoGatewayProvider,
} from './payments/demo-gateway-provider.js';
export {
  NotificationRejectedError,
  type PaymentProviderAdapter,
  PaymentProviders,
  type PaymentSession,
  type PaymentSessionRequest,
  type ProviderPaymentStatus,
} from './payments/provider.js';
export { SIGNATURE_HEADER, signBody, verifySignedNotification } from './payments/signature.js';
export { type VietQrAccount, vietQrProvider } from './payments/vietqr-provider.js';
export { DEMO_PROCEDURE } from './seed/demo-procedure.js';
export { DEMO_USERS } from './seed/demo-users.js';
export { type SeedReport, seed } from './seed/seed.js';
export {
  DomainError,
  type DomainErrorKind,
  type DomainFieldError,
  isDomainError,
} from './services/domain-error.js';
export { createDraft, submitDossier } from './services/dossiers.js';
export {
  DEFAULT_HOUSEKEEPING,
  type HousekeepingPolicy,
  type HousekeepingReport,
  runHousekeeping,
} from './services/housekeeping.js';
export { rebuildSearchIndex } from './services/procedure-search.js';
export {
  getProcedure,
  getProcedureForm,
  getProcedureWithForm,
  listProcedures,
  saveProcedure,
} from './services/procedures.js';
export { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './services/quotas.js';
export { serviceStatistics } from './services/service-statistics.js';
export {
  type RollUpBatch,
  rollUpStatistics,
  rollUpStatisticsBatch,
} from './services/statistics-rollup.js';
export { DEFAULT_SURVEY_OPTIONS, type SurveyOptions } from './services/surveys.js';
export { ensureWorkingCalendar } from './services/working-calendar.js';
export { authConfig, ConfigError, type RunningServer, startServer } from './start.js';
export {
  DiskFileStore,
  type FileStore,
  FileTooLargeError,
  isFileTooLargeError,
  MemoryFileStore,
  type ReceivedFile,
  S3FileStore,
  type S3FileStoreOptions,
  type StoredFile,
} from './storage/index.js';
