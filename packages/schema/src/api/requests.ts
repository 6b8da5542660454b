import * as z from 'zod/mini';
import { Applicant } from '../entities/applicant.js';
import { AmountVnd, CalendarDate, Timestamp } from '../entities/common.js';
import { DossierDocument, DossierOutcome } from '../entities/dossier.js';
import { PaymentProvider } from '../entities/payment.js';
import { Channel, Fee, OnlineLevel, ProcedureLevel } from '../entities/procedure.js';
import { described } from '../internal/described.js';

const FormData = described(z.record(z.string(), z.unknown()), 'Answers keyed by field name.');

/** Query of `GET /procedures`. */
export const ListProceduresQuery = z
  .object({
    q: z.optional(described(z.string(), 'Search text; diacritics and case are ignored.')),
    level: z.optional(ProcedureLevel),
    field: z.optional(described(z.string(), 'Field (lĩnh vực), exact.')),
    onlineLevel: z.optional(OnlineLevel),
    agency: z.optional(described(z.string(), 'An agency name or code it involves.')),
    cursor: z.optional(z.string()),
    limit: z.optional(
      described(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 'Page size, 1–100.'),
    ),
  })
  .register(z.globalRegistry, {
    id: 'ListProceduresQuery',
    description: 'Filters of the procedure list.',
  });
export type ListProceduresQuery = z.infer<typeof ListProceduresQuery>;

/** Body of `POST /dossiers`: a new draft. */
export const CreateDossierRequest = z
  .object({
    procedureCode: z.string(),
    caseCode: z.optional(described(z.string(), "The procedure's first case when omitted.")),
    channel: z.optional(Channel),
    applicant: z.optional(Applicant),
    formData: z.optional(FormData),
  })
  .register(z.globalRegistry, {
    id: 'CreateDossierRequest',
    description: 'Create a draft dossier.',
  });
export type CreateDossierRequest = z.infer<typeof CreateDossierRequest>;

/** Body of `PATCH /dossiers/{id}`: change a draft (or supplement documents). Needs If-Match. */
export const UpdateDossierRequest = z
  .object({
    applicant: z.optional(Applicant),
    formData: z.optional(FormData),
    documents: z.optional(z.array(DossierDocument)),
  })
  .register(z.globalRegistry, {
    id: 'UpdateDossierRequest',
    description: 'Change a draft; send If-Match with its ETag.',
  });
export type UpdateDossierRequest = z.infer<typeof UpdateDossierRequest>;

/** Body of `POST /dossiers/{id}/withdraw`. */
export const WithdrawRequest = z
  .object({ reason: described(z.string().check(z.minLength(1)), 'Why the applicant withdraws.') })
  .register(z.globalRegistry, { id: 'WithdrawRequest', description: 'Withdraw a dossier.' });
export type WithdrawRequest = z.infer<typeof WithdrawRequest>;

/** Body of `POST /dossiers/{id}/supplement`: the documents asked for. */
export const SupplementRequest = z
  .object({
    note: z.optional(z.string()),
    documents: z.array(DossierDocument).check(z.minLength(1)),
    formData: z.optional(FormData),
  })
  .register(z.globalRegistry, {
    id: 'SupplementRequest',
    description: 'Supply the documents asked for.',
  });
export type SupplementRequest = z.infer<typeof SupplementRequest>;

/** The actions an officer takes through `POST /officer/dossiers/{id}/actions`. */
export const OfficerAction = described(
  z.enum([
    'receive',
    'reject',
    'start_processing',
    'transfer',
    'request_supplement',
    'request_payment',
    'confirm_payment',
    'stop',
    'resume',
    'resolve',
    'return_result',
    'apologise',
  ]),
  'An action of the status machine that an officer takes.',
);
export type OfficerAction = z.infer<typeof OfficerAction>;

/** Body of an officer action. */
export const OfficerActionRequest = z
  .object({
    action: OfficerAction,
    note: z.optional(
      described(z.string(), 'Reason or message for the applicant; some actions need one.'),
    ),
    agencyCode: z.optional(described(z.string(), 'transfer: the agency it goes to.')),
    step: z.optional(described(z.string(), 'transfer: the processing step it goes to.')),
    requestedDocuments: z.optional(
      described(z.array(z.string()), 'request_supplement: RequiredDocument codes asked for.'),
    ),
    fees: z.optional(
      described(z.array(Fee).check(z.maxLength(50)), 'request_payment: what to pay.'),
    ),
    paymentDueAt: z.optional(
      described(Timestamp, 'request_payment: the time by which to pay; 72 hours by default.'),
    ),
    newDueAt: z.optional(described(Timestamp, 'apologise: the new due date.')),
    outcome: z.optional(DossierOutcome),
  })
  .register(z.globalRegistry, {
    id: 'OfficerActionRequest',
    description: 'An action an officer takes on a dossier.',
  });
export type OfficerActionRequest = z.infer<typeof OfficerActionRequest>;

/** Query of `GET /lookup`: what the receipt prints. */
export const LookupQuery = z
  .object({
    code: described(z.string().check(z.minLength(1)), 'The dossier code on the receipt.'),
    verifier: described(z.string().check(z.minLength(4)), 'The verification code on the receipt.'),
  })
  .register(z.globalRegistry, {
    id: 'LookupQuery',
    description: 'Find a dossier by the code and verifier on its receipt.',
  });
export type LookupQuery = z.infer<typeof LookupQuery>;

/** Body of `POST /dossiers/{id}/payments`. */
export const CreatePaymentRequest = z
  .object({
    provider: PaymentProvider,
    returnPath: z.optional(
      described(
        z.string().check(z.regex(/^\/(?![/\\])[^\s]*$/), z.maxLength(500)),
        'Gateways: the path on this site to come back to after paying (same origin only).',
      ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'CreatePaymentRequest',
    description: 'Start paying the fees due on a dossier.',
  });
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequest>;

/**
 * A payment provider's notification in the reference server's format (the demo bank and the
 * demo gateway send it; a real provider's own format is read by its `PaymentProviderAdapter`).
 * Signed: `X-Egov-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the provider's secret.
 */
export const PaymentNotification = z
  .object({
    notificationId: described(
      z.string().check(z.minLength(1), z.maxLength(100)),
      "The provider's id of this notification: a repeat is a duplicate.",
    ),
    reference: described(
      z.string().check(z.minLength(1), z.maxLength(100)),
      'The payment reference it is for.',
    ),
    amount: AmountVnd,
    currency: described(z.string(), 'ISO 4217 code; only VND is accepted.'),
    status: z.enum(['paid', 'failed']),
    occurredAt: described(
      Timestamp,
      'When the provider sent it; outside ±10 minutes it is refused as a replay.',
    ),
  })
  .register(z.globalRegistry, {
    id: 'PaymentNotification',
    description: "A payment provider's signed notification of a payment's outcome.",
  });
export type PaymentNotification = z.infer<typeof PaymentNotification>;

/** Query of `GET /statistics/on-time`. */
export const StatisticsQuery = z
  .object({
    from: CalendarDate,
    to: CalendarDate,
    groupBy: z._default(z.enum(['agency', 'procedure']), 'agency'),
    agencyCode: z.optional(z.string()),
    procedureCode: z.optional(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'StatisticsQuery',
    description: 'Period and grouping of on-time statistics.',
  });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;
