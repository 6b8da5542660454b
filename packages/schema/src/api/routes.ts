import * as z from 'zod/mini';
import { AdministrativeUnit } from '../entities/administrative-unit.js';
import { Attachment } from '../entities/attachment.js';
import { Dossier } from '../entities/dossier.js';
import { FormDefinition } from '../entities/form-definition.js';
import {
  CreateWebhookEndpointRequest,
  Notification,
  NotificationPage,
  NotificationPreferences,
  NotificationStatus,
  NotificationTemplate,
  NotificationTemplateList,
  UpdateNotificationPreferencesRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpoint,
  WebhookEndpointList,
} from '../entities/notification.js';
import { Payment, PaymentMethod } from '../entities/payment.js';
import { Problem } from '../entities/problem.js';
import { Procedure } from '../entities/procedure.js';
import {
  OnTimeStatistics,
  ServiceStatistics,
  ServiceStatisticsQuery,
} from '../entities/statistics.js';
import { SatisfactionResponse, SurveyDefinition, SurveyStatus } from '../entities/survey.js';
import { described } from '../internal/described.js';
import {
  CreateDossierRequest,
  CreatePaymentRequest,
  ListProceduresQuery,
  LookupQuery,
  OfficerActionRequest,
  PaymentNotification,
  StatisticsQuery,
  SupplementRequest,
  UpdateDossierRequest,
  WithdrawRequest,
} from './requests.js';
import {
  AgencyList,
  DossierPage,
  EventList,
  Health,
  LookupResult,
  ProcedurePage,
  UnitList,
} from './responses.js';

/** Who may call a route. Roles come from the bearer token; `public` needs none. */
export type RouteAuth = 'public' | 'citizen' | 'officer' | 'admin' | 'any_user';

/** A response of a route. */
export interface RouteResponse {
  readonly description: string;
  /** JSON body; absent for binary or empty bodies. */
  readonly schema?: z.ZodMiniType;
  /** Defaults to application/json when `schema` is set. */
  readonly contentType?: string;
}

/**
 * One route of the contract, as data: the server validates and answers by it, the OpenAPI
 * document is generated from it, the client is typed by it.
 */
export interface RouteDefinition {
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI-style path below `/api/v1`, e.g. `/dossiers/{id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag:
    | 'Procedures'
    | 'Units'
    | 'Agencies'
    | 'Dossiers'
    | 'Attachments'
    | 'Payments'
    | 'Surveys'
    | 'Statistics'
    | 'Officer'
    | 'Lookup'
    | 'Notifications'
    | 'Admin'
    | 'System';
  readonly auth: RouteAuth;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: {
    readonly schema: z.ZodMiniType;
    readonly contentType?: 'application/json' | 'multipart/form-data';
  };
  readonly responses: Readonly<Record<number, RouteResponse>>;
  /** Accepts `Idempotency-Key`: a repeat with the same key returns the first result. */
  readonly idempotent?: boolean;
  /** Needs `If-Match` with the resource's ETag; answers 412 when it is stale, 428 when missing. */
  readonly ifMatch?: boolean;
  /** Answers with an `ETag` header. */
  readonly etag?: boolean;
  /** Limited per client; answers 429 with `Retry-After` beyond the limit. */
  readonly rateLimited?: boolean;
  /**
   * Authenticated by a signature over the raw body (a payment provider's callback), not a
   * token: the server verifies the bytes as sent, before parsing them.
   */
  readonly signedBody?: boolean;
}

const id = z.object({ id: described(z.uuid(), 'The identifier.') });
const code = z.object({ code: described(z.string(), 'The code.') });
const paymentParams = z.object({
  id: described(z.uuid(), 'The dossier.'),
  paymentId: described(z.uuid(), 'The payment.'),
});
const cursor = {
  cursor: z.optional(described(z.string(), 'From nextCursor of the previous page.')),
  limit: z.optional(
    described(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 'Page size, 1–100.'),
  ),
};
const ok = (schema: z.ZodMiniType, description = 'OK'): RouteResponse => ({ description, schema });
const problem = (description: string): RouteResponse => ({
  description,
  schema: Problem,
  contentType: 'application/problem+json',
});

/** Every route of `/api/v1`. */
export const ROUTES = [
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Check that the server is up',
    tag: 'System',
    auth: 'public',
    responses: { 200: ok(Health) },
  },
  {
    method: 'get',
    path: '/procedures',
    operationId: 'listProcedures',
    summary: 'List and search procedures',
    description:
      'Full-text search is diacritics- and case-insensitive; results are ranked when `q` is given.',
    tag: 'Procedures',
    auth: 'public',
    query: ListProceduresQuery,
    responses: { 200: ok(ProcedurePage) },
  },
  {
    method: 'get',
    path: '/procedures/{code}',
    operationId: 'getProcedure',
    summary: 'Get a procedure',
    tag: 'Procedures',
    auth: 'public',
    params: code,
    responses: { 200: ok(Procedure) },
  },
  {
    method: 'get',
    path: '/procedures/{code}/form',
    operationId: 'getProcedureForm',
    summary: "Get the application form of a procedure's case",
    tag: 'Procedures',
    auth: 'public',
    params: code,
    query: z.object({
      case: z.optional(described(z.string(), 'The case; the first when omitted.')),
    }),
    responses: { 200: ok(FormDefinition) },
  },
  {
    method: 'get',
    path: '/units',
    operationId: 'searchUnits',
    summary: 'List or search administrative units',
    description:
      'Without `q`: the provinces, or the communes of `province`. With `q`: a ranked search by name.',
    tag: 'Units',
    auth: 'public',
    query: z.object({
      q: z.optional(described(z.string(), 'Name, with or without diacritics.')),
      province: z.optional(described(z.string(), 'A province code: list or search its communes.')),
      level: z.optional(z.enum(['province', 'commune'])),
    }),
    responses: { 200: ok(UnitList) },
  },
  {
    method: 'get',
    path: '/units/{code}',
    operationId: 'getUnit',
    summary: 'Get an administrative unit',
    tag: 'Units',
    auth: 'public',
    params: code,
    responses: { 200: ok(AdministrativeUnit) },
  },
  {
    method: 'get',
    path: '/agencies',
    operationId: 'listAgencies',
    summary: 'List agencies',
    tag: 'Agencies',
    auth: 'public',
    query: z.object({
      unit: z.optional(described(z.string(), 'Only agencies serving this administrative unit.')),
      level: z.optional(z.enum(['ministry', 'province', 'commune'])),
    }),
    responses: { 200: ok(AgencyList) },
  },
  {
    method: 'post',
    path: '/dossiers',
    operationId: 'createDossier',
    summary: 'Create a draft dossier',
    tag: 'Dossiers',
    auth: 'citizen',
    body: { schema: CreateDossierRequest },
    idempotent: true,
    etag: true,
    responses: {
      201: ok(Dossier, 'Created'),
      409: problem('The citizen has as many open drafts as allowed (`draft_quota`).'),
    },
  },
  {
    method: 'get',
    path: '/dossiers',
    operationId: 'listMyDossiers',
    summary: "List the signed-in citizen's dossiers",
    tag: 'Dossiers',
    auth: 'citizen',
    query: z.object({
      status: z.optional(described(z.string(), 'Only this status.')),
      ...cursor,
    }),
    responses: { 200: ok(DossierPage) },
  },
  {
    method: 'get',
    path: '/dossiers/{id}',
    operationId: 'getDossier',
    summary: 'Get a dossier',
    tag: 'Dossiers',
    auth: 'any_user',
    params: id,
    etag: true,
    responses: { 200: ok(Dossier) },
  },
  {
    method: 'patch',
    path: '/dossiers/{id}',
    operationId: 'updateDossier',
    summary: 'Change a draft',
    tag: 'Dossiers',
    auth: 'citizen',
    params: id,
    body: { schema: UpdateDossierRequest },
    ifMatch: true,
    etag: true,
    responses: { 200: ok(Dossier) },
  },
  {
    method: 'delete',
    path: '/dossiers/{id}',
    operationId: 'deleteDossier',
    summary: 'Delete a draft',
    description:
      'Only a draft, by its applicant, with its current ETag; its attachments go with it. A submitted dossier is never deleted: it is withdrawn (409 not_a_draft).',
    tag: 'Dossiers',
    auth: 'citizen',
    params: id,
    idempotent: true,
    ifMatch: true,
    responses: { 204: { description: 'Deleted' } },
  },
  {
    method: 'post',
    path: '/dossiers/{id}/submit',
    operationId: 'submitDossier',
    summary: 'Submit a draft',
    description:
      'Validates the answers against the form and the documents against the case; 422 lists every problem.',
    tag: 'Dossiers',
    auth: 'citizen',
    params: id,
    idempotent: true,
    ifMatch: true,
    etag: true,
    responses: { 200: ok(Dossier) },
  },
  {
    method: 'post',
    path: '/dossiers/{id}/withdraw',
    operationId: 'withdrawDossier',
    summary: 'Withdraw a dossier',
    tag: 'Dossiers',
    auth: 'citizen',
    params: id,
    body: { schema: WithdrawRequest },
    idempotent: true,
    etag: true,
    responses: { 200: ok(Dossier) },
  },
  {
    method: 'post',
    path: '/dossiers/{id}/supplement',
    operationId: 'supplementDossier',
    summary: 'Supply the documents asked for',
    tag: 'Dossiers',
    auth: 'citizen',
    params: id,
    body: { schema: SupplementRequest },
    idempotent: true,
    etag: true,
    responses: { 200: ok(Dossier) },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/events',
    operationId: 'listDossierEvents',
    summary: "A dossier's events, oldest first",
    tag: 'Dossiers',
    auth: 'any_user',
    params: id,
    responses: { 200: ok(EventList) },
  },
  {
    method: 'post',
    path: '/dossiers/{id}/attachments',
    operationId: 'uploadAttachment',
    summary: 'Upload a file for a required document',
    description:
      'multipart/form-data with `requirementCode`, then `file` (sent in that order, the document’s own size limit holds while the file streams in). The type is checked by content, not name. Under an Idempotency-Key, a repeat replays only for the same bytes.',
    tag: 'Attachments',
    auth: 'any_user',
    params: id,
    body: {
      contentType: 'multipart/form-data',
      schema: z.object({
        file: described(z.string(), 'The file (binary).'),
        requirementCode: described(z.string(), 'The RequiredDocument it satisfies.'),
      }),
    },
    idempotent: true,
    responses: {
      201: ok(Attachment, 'Created'),
      409: problem(
        'Not allowed in the current status, or the dossier holds as many files as allowed (`dossier_file_limit`).',
      ),
      413: problem(
        'The file is larger than its document allows, or would take the dossier over its bytes (`dossier_byte_limit`) or the citizen over their storage quota (`citizen_storage_quota`).',
      ),
    },
  },
  {
    method: 'get',
    path: '/attachments/{id}',
    operationId: 'downloadAttachment',
    summary: 'Download a file',
    description:
      'With a bearer token that may see the dossier; or, for a result document, with the code and verifier printed on the receipt.',
    tag: 'Attachments',
    auth: 'public',
    params: id,
    query: z.object({
      code: z.optional(
        described(z.string(), 'The dossier code on the receipt (result documents only).'),
      ),
      verifier: z.optional(described(z.string(), 'The verifier on the receipt.')),
    }),
    responses: {
      200: {
        description: 'The file, with the media type detected from its content.',
        contentType: '*/*',
      },
    },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/payments',
    operationId: 'listPayments',
    summary: "A dossier's payments",
    tag: 'Payments',
    auth: 'any_user',
    params: id,
    responses: { 200: ok(z.object({ items: z.array(Payment) })) },
  },
  {
    method: 'post',
    path: '/dossiers/{id}/payments',
    operationId: 'createPayment',
    summary: 'Start paying the fees due',
    tag: 'Payments',
    auth: 'citizen',
    params: id,
    body: { schema: CreatePaymentRequest },
    idempotent: true,
    responses: { 201: ok(Payment, 'Created') },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/payments/{paymentId}',
    operationId: 'getPayment',
    summary: 'One payment, with its current status',
    description:
      'What a payment page polls until the payment is paid, failed or expired; `Cache-Control: no-store`.',
    tag: 'Payments',
    auth: 'any_user',
    params: paymentParams,
    responses: { 200: ok(Payment) },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/payments/{paymentId}/receipt',
    operationId: 'getPaymentReceipt',
    summary: 'The electronic receipt (biên lai điện tử) of a paid payment, as PDF',
    tag: 'Payments',
    auth: 'any_user',
    params: paymentParams,
    responses: { 200: { description: 'The receipt.', contentType: 'application/pdf' } },
  },
  {
    method: 'get',
    path: '/payment-methods',
    operationId: 'listPaymentMethods',
    summary: 'The ways to pay this server offers',
    tag: 'Payments',
    auth: 'public',
    responses: { 200: ok(z.object({ items: z.array(PaymentMethod) })) },
  },
  {
    method: 'post',
    path: '/payment-notifications/{provider}',
    operationId: 'receivePaymentNotification',
    summary: "A payment provider's signed notification (callback)",
    description:
      "Server to server. `X-Egov-Signature: sha256=<hex>` is the HMAC-SHA256 of the raw body with the provider's secret. Answers 200 for a notification applied, a duplicate (same notificationId) or one that no longer moves anything (a payment already paid, cancelled or expired); 401 for a bad signature or a timestamp outside ±10 minutes; 422 for a wrong amount, currency or unknown reference (recorded).",
    tag: 'Payments',
    auth: 'public',
    params: z.object({ provider: described(z.string(), 'The provider it comes from.') }),
    body: { schema: PaymentNotification },
    signedBody: true,
    responses: {
      200: ok(
        z.object({
          outcome: z.enum(['applied', 'duplicate', 'ignored']),
          paymentStatus: z.optional(z.string()),
        }),
      ),
      401: problem('Bad signature or a replayed notification.'),
      422: problem('Amount, currency or reference does not match a payment.'),
    },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/survey',
    operationId: 'getSurvey',
    summary: 'The satisfaction survey of a returned dossier',
    tag: 'Surveys',
    auth: 'citizen',
    params: id,
    responses: { 200: ok(SurveyDefinition) },
  },
  {
    method: 'post',
    path: '/dossiers/{id}/survey',
    operationId: 'answerSurvey',
    summary: 'Rate the service of a returned dossier',
    description:
      "Only the dossier's owner, once its result is returned, until the survey closes (30 days after return by default): a second answer replaces the first.",
    tag: 'Surveys',
    auth: 'citizen',
    params: id,
    body: { schema: SatisfactionResponse },
    idempotent: true,
    responses: {
      200: ok(SatisfactionResponse, 'Replaced the earlier answers'),
      201: ok(SatisfactionResponse, 'Created'),
    },
  },
  {
    method: 'get',
    path: '/dossiers/{id}/survey/status',
    operationId: 'getSurveyStatus',
    summary: "The survey's state for a dossier, with the owner's answers",
    tag: 'Surveys',
    auth: 'citizen',
    params: id,
    responses: { 200: ok(SurveyStatus) },
  },
  {
    method: 'get',
    path: '/lookup',
    operationId: 'lookupDossier',
    summary: 'Find a dossier by the code and verifier on its receipt',
    tag: 'Lookup',
    auth: 'public',
    query: LookupQuery,
    rateLimited: true,
    responses: { 200: ok(LookupResult) },
  },
  {
    method: 'get',
    path: '/statistics/on-time',
    operationId: 'getOnTimeStatistics',
    summary: 'On-time rates per agency or procedure',
    tag: 'Statistics',
    auth: 'public',
    query: StatisticsQuery,
    responses: { 200: ok(OnTimeStatistics) },
  },
  {
    method: 'get',
    path: '/statistics/services',
    operationId: 'getServiceStatistics',
    summary: "The operations centre's figures per agency, procedure, field or month",
    description:
      'Received, resolved, on time, late, overdue now, in progress, processing time in working days, online submission and payment, and anonymous satisfaction scores. Officers see their own agency; administrators all.',
    tag: 'Statistics',
    auth: 'officer',
    query: ServiceStatisticsQuery,
    responses: { 200: ok(ServiceStatistics) },
  },
  {
    method: 'get',
    path: '/officer/dossiers',
    operationId: 'listAgencyDossiers',
    summary: "The officer's inbox: dossiers of their agency, overdue first",
    tag: 'Officer',
    auth: 'officer',
    query: z.object({
      status: z.optional(described(z.string(), 'Only this status.')),
      ...cursor,
    }),
    responses: { 200: ok(DossierPage) },
  },
  {
    method: 'post',
    path: '/officer/dossiers/{id}/actions',
    operationId: 'takeOfficerAction',
    summary: 'Take an action of the status machine',
    description: 'An action the status machine does not allow from the current status answers 409.',
    tag: 'Officer',
    auth: 'officer',
    params: id,
    body: { schema: OfficerActionRequest },
    idempotent: true,
    etag: true,
    responses: { 200: ok(Dossier) },
  },
  {
    method: 'get',
    path: '/me/notification-preferences',
    operationId: 'getNotificationPreferences',
    summary: 'How the signed-in person wants to be notified',
    description:
      'Defaults when never set: e-mail on (to the address on each dossier, for a citizen), SMS off, Vietnamese. Officers who set an address hear of new, due-soon and overdue dossiers of their agency.',
    tag: 'Notifications',
    auth: 'any_user',
    responses: { 200: ok(NotificationPreferences) },
  },
  {
    method: 'patch',
    path: '/me/notification-preferences',
    operationId: 'updateNotificationPreferences',
    summary: 'Choose channels, addresses and language of notifications',
    tag: 'Notifications',
    auth: 'any_user',
    body: { schema: UpdateNotificationPreferencesRequest },
    responses: { 200: ok(NotificationPreferences) },
  },
  {
    method: 'get',
    path: '/admin/notifications',
    operationId: 'listNotifications',
    summary: 'The outbox, newest first — the dead letters with status=dead',
    tag: 'Admin',
    auth: 'admin',
    query: z.object({
      status: z.optional(NotificationStatus),
      dossierId: z.optional(z.uuid()),
      ...cursor,
    }),
    responses: { 200: ok(NotificationPage) },
  },
  {
    method: 'post',
    path: '/admin/notifications/{id}/replay',
    operationId: 'replayNotification',
    summary: 'Send a dead notification again',
    description:
      'Puts a dead notification back in the outbox with its attempts reset; it keeps its id, so a receiver that did get it recognises it. Only dead notifications can be replayed (409 otherwise).',
    tag: 'Admin',
    auth: 'admin',
    params: id,
    idempotent: true,
    responses: {
      200: ok(Notification),
      409: problem('The notification is not dead (`not_dead`).'),
    },
  },
  {
    method: 'get',
    path: '/admin/webhook-endpoints',
    operationId: 'listWebhookEndpoints',
    summary: 'Agency systems that receive webhooks',
    tag: 'Admin',
    auth: 'admin',
    responses: { 200: ok(WebhookEndpointList) },
  },
  {
    method: 'post',
    path: '/admin/webhook-endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Add an agency system that receives webhooks',
    description:
      'The answer carries the signing secret (`whsec_…`), once: give it to the receiving system, which verifies every request with it (see @egov-kit/schema/webhooks).',
    tag: 'Admin',
    auth: 'admin',
    body: { schema: CreateWebhookEndpointRequest },
    idempotent: true,
    responses: { 201: ok(WebhookEndpoint, 'Created') },
  },
  {
    method: 'patch',
    path: '/admin/webhook-endpoints/{id}',
    operationId: 'updateWebhookEndpoint',
    summary: 'Change, disable or rotate the secret of a webhook endpoint',
    tag: 'Admin',
    auth: 'admin',
    params: id,
    body: { schema: UpdateWebhookEndpointRequest },
    responses: { 200: ok(WebhookEndpoint) },
  },
  {
    method: 'get',
    path: '/admin/notification-templates',
    operationId: 'listNotificationTemplates',
    summary: "Agencies' own wording of messages",
    tag: 'Admin',
    auth: 'admin',
    query: z.object({ agency: z.optional(described(z.string(), 'Only this agency.')) }),
    responses: { 200: ok(NotificationTemplateList) },
  },
  {
    method: 'post',
    path: '/admin/notification-templates',
    operationId: 'putNotificationTemplate',
    summary: "Set an agency's wording of one kind of message in one language",
    description:
      'Replaces the built-in template for that agency, kind and language. `{{placeholders}}`: code, procedure, status, nextStep, dueDate, submittedDate, date, reason, documents, fees, link, agency, applicant, verifier (applicant’s messages only). Values are HTML-escaped in the HTML part.',
    tag: 'Admin',
    auth: 'admin',
    body: { schema: NotificationTemplate },
    idempotent: true,
    responses: { 200: ok(NotificationTemplate) },
  },
] as const satisfies readonly RouteDefinition[];
