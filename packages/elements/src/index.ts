/**
 * @egov-kit/elements — the component classes, without registering any tag.
 * Register them with `@egov-kit/elements/define` (all) or `@egov-kit/elements/<component>` (one).
 *
 * `<egov-digital-signature>` is not here: it loads `@egov-kit/signing` (pdf-lib, pkijs), an
 * optional peer dependency, so it has its own entry, `@egov-kit/elements/digital-signature`, that
 * registers it and exports its class and types. A site that does not sign never installs them.
 *
 * @packageDocumentation
 */
export { type AddressValue, EgovAddressField } from './address-field/address-field.js';
export { EgovElement, type Lazy, lazy } from './base/egov-element.js';
export {
  bothLanguages,
  DEFAULT_LOCALE,
  defineMessages,
  domainMessage,
  intlLocale,
  localeOf,
  type Message,
  type MessageDefinitions,
  type Messages,
  matchLocale,
  messageIds,
  registeredLocales,
  registerTranslation,
  type Translatable,
  type Translation,
  type TranslationTable,
  translate,
} from './base/localization.js';
export { plural } from './base/plural.js';
export { EgovCheckbox } from './checkbox/checkbox.js';
export { EgovCheckboxGroup } from './checkbox-group/checkbox-group.js';
export { EgovCitizenIdField } from './citizen-id-field/citizen-id-field.js';
export { EgovDateField } from './date-field/date-field.js';
export {
  type DossierSubmitDetail,
  type DossierSubmittedDetail,
  EgovDossierForm,
  type ServerFieldError,
} from './dossier-form/dossier-form.js';
export type { DossierFormClient } from './dossier-form/server-draft.js';
export {
  type DossierFoundDetail,
  EgovDossierLookup,
  type LookupClient,
} from './dossier-lookup/dossier-lookup.js';
export {
  EgovDossierTracker,
  type ProcedureSource,
  type TrackedDossier,
  type TrackedEvent,
  type TrackerActionDetail,
  type TrackerActionKind,
  type TrackerClient,
} from './dossier-tracker/dossier-tracker.js';
export { EgovErrorSummary, type ErrorSummaryItem } from './error-summary/error-summary.js';
export {
  EgovFileUpload,
  type FileRejectedDetail,
  type FileRejectionReason,
  type UploadCompleteDetail,
  type UploadEntry,
  type UploadErrorDetail,
  type Uploader,
  type UploadStatus,
} from './file-upload/file-upload.js';
export type { ChoiceOption } from './internal/choice-control.js';
export {
  EgovPayment,
  type PaymentClient,
  type PaymentDossier,
  type PaymentPaidDetail,
  type PaymentRedirectDetail,
  type PaymentView,
} from './payment/payment.js';
export type { PollingOptions } from './payment/payment-status-controller.js';
export { EgovPhoneField } from './phone-field/phone-field.js';
export {
  type ApplyDetail,
  EgovProcedureDetail,
  type ProcedureDetailClient,
} from './procedure-detail/procedure-detail.js';
export type { ProcedureFilter, SearchableProcedure } from './procedure-search/procedure-index.js';
export {
  EgovProcedureSearch,
  type ProcedureSearchClient,
  type ProcedureSelectDetail,
} from './procedure-search/procedure-search.js';
export { EgovRadioGroup } from './radio-group/radio-group.js';
export { EgovReceipt, type ReceiptDossier, type ReceiptProcedure } from './receipt/receipt.js';
export {
  EgovSatisfactionSurvey,
  type SurveyClient,
  type SurveySubmitDetail,
  type SurveyView,
} from './satisfaction-survey/satisfaction-survey.js';
export { EgovSelect } from './select/select.js';
export {
  EgovServiceStats,
  type StatsChangeDetail,
  type StatsClient,
  type StatsView,
} from './service-stats/service-stats.js';
export {
  EgovSignaturePad,
  parseSignatureValue,
  SIGNATURE_MODES,
  type SignatureMode,
  type SignaturePoint,
  type SignatureValue,
} from './signature-pad/signature-pad.js';
export type { SignatureReportResult, Verdict } from './signature-report/report-model.js';
export { EgovSignatureReport } from './signature-report/signature-report.js';
export { EgovTextField, type TextFieldType } from './text-field/text-field.js';
export { EgovTextarea } from './textarea/textarea.js';
