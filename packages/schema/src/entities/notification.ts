import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { Id, Timestamp } from './common.js';
import { pageOf } from './pagination.js';

/**
 * What a notification is about. To the applicant: `submitted`, `received` (with the official
 * due date), `supplement_requested` (which documents), `payment_requested`, `result_ready`,
 * `returned`, `refused` (with the reason), `survey_invitation`. To officers of the agency:
 * `new_dossier`, `due_soon` (due within a few working days), `overdue`. Agency systems
 * (webhooks) also hear of every other status change, as `status_changed`.
 */
export const NotificationKind = described(
  z.enum([
    'submitted',
    'received',
    'supplement_requested',
    'payment_requested',
    'result_ready',
    'returned',
    'refused',
    'survey_invitation',
    'new_dossier',
    'due_soon',
    'overdue',
    'status_changed',
  ]),
  'What the notification is about.',
);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** How a notification travels. */
export const NotificationChannel = described(
  z.enum(['email', 'sms', 'webhook']),
  'email over SMTP; sms through the configured provider; webhook to an agency system.',
);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** Where a notification is in its delivery. */
export const NotificationStatus = described(
  z.enum(['pending', 'sending', 'sent', 'dead']),
  'pending: waiting for its (next) attempt; sending: claimed by a dispatcher; sent: accepted by the SMTP server, the SMS provider or the webhook receiver; dead: gave up after the maximum attempts — an administrator may replay it.',
);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/** A notification in the outbox, as an administrator sees it. */
export const Notification = z
  .object({
    id: described(Id, 'Also the webhook-id and the Message-ID: receivers deduplicate on it.'),
    kind: NotificationKind,
    channel: NotificationChannel,
    recipient: described(
      z.string(),
      'An e-mail address, a phone number, or the id of a webhook endpoint.',
    ),
    dossierId: z.optional(Id),
    dossierCode: z.optional(described(z.string(), 'The dossier code, once submitted.')),
    status: NotificationStatus,
    attempts: described(z.int().check(z.nonnegative()), 'Delivery attempts so far.'),
    nextAttemptAt: z.optional(Timestamp),
    lastError: z.optional(described(z.string(), 'Why the last attempt failed.')),
    createdAt: Timestamp,
    sentAt: z.optional(Timestamp),
  })
  .register(z.globalRegistry, {
    id: 'Notification',
    description: 'A notification in the outbox: what, to whom, how, and how its delivery went.',
  });
export type Notification = z.infer<typeof Notification>;

/** Channels a person wants to hear on. */
export const NotificationPreferences = z
  .object({
    email: z.optional(
      described(
        z.email(),
        'Where e-mails go; for a citizen, the e-mail given on each dossier when unset.',
      ),
    ),
    phone: z.optional(
      described(
        z.string().check(z.regex(/^\+?[0-9 .-]{8,20}$/)),
        'For SMS, when a provider is configured.',
      ),
    ),
    channels: described(
      z.object({
        email: described(z.boolean(), 'E-mails (on by default).'),
        sms: described(z.boolean(), 'Text messages (off by default).'),
      }),
      'Which channels are on.',
    ),
    locale: described(z.enum(['vi', 'en']), 'Language of the messages.'),
  })
  .register(z.globalRegistry, {
    id: 'NotificationPreferences',
    description: 'How the signed-in person wants to be notified.',
  });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** A change to one's notification preferences: only the fields given change. */
export const UpdateNotificationPreferencesRequest = z
  .object({
    email: z.optional(z.nullable(z.email())),
    phone: z.optional(z.nullable(z.string().check(z.regex(/^\+?[0-9 .-]{8,20}$/)))),
    channels: z.optional(
      described(
        z.object({ email: z.optional(z.boolean()), sms: z.optional(z.boolean()) }),
        'The channels to turn on (true) or off (false).',
      ),
    ),
    locale: z.optional(described(z.enum(['vi', 'en']), 'Language of the messages.')),
  })
  .check(
    z.refine(
      (change) =>
        change.email !== undefined ||
        change.phone !== undefined ||
        change.channels !== undefined ||
        change.locale !== undefined,
      'Give at least one of email, phone, channels, locale.',
    ),
  )
  .register(z.globalRegistry, {
    id: 'UpdateNotificationPreferencesRequest',
    description: 'The preferences to change; null clears an address.',
  });
export type UpdateNotificationPreferencesRequest = z.infer<
  typeof UpdateNotificationPreferencesRequest
>;

const webhookUrl = described(
  z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
  'Where the POSTs go (https in production).',
);

/** An agency system that receives webhooks. */
export const WebhookEndpoint = z
  .object({
    id: Id,
    agencyCode: z.optional(
      described(z.string(), 'Dossiers of this agency only; every agency when absent.'),
    ),
    url: webhookUrl,
    description: z.optional(described(z.string(), 'What the system is, for people.')),
    kinds: z.optional(described(z.array(NotificationKind), 'Only these kinds; all when absent.')),
    enabled: described(z.boolean(), 'Disabled endpoints receive nothing.'),
    createdAt: Timestamp,
    secret: z.optional(
      described(
        z.string(),
        'whsec_… — answered once, when the endpoint is created or its secret rotated.',
      ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'WebhookEndpoint',
    description: 'An agency system that receives signed webhooks (Standard Webhooks).',
  });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** A new webhook endpoint. */
export const CreateWebhookEndpointRequest = z
  .object({
    agencyCode: z.optional(
      described(
        z.string().check(z.minLength(1), z.maxLength(64)),
        'Dossiers of this agency only; every agency when absent.',
      ),
    ),
    url: webhookUrl,
    description: z.optional(
      described(z.string().check(z.maxLength(500)), 'What the system is, for people.'),
    ),
    kinds: z.optional(described(z.array(NotificationKind), 'Only these kinds; all when absent.')),
  })
  .register(z.globalRegistry, {
    id: 'CreateWebhookEndpointRequest',
    description: 'A webhook endpoint to add; its secret is made by the server.',
  });
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequest>;

/** A change to a webhook endpoint. */
export const UpdateWebhookEndpointRequest = z
  .object({
    url: z.optional(webhookUrl),
    description: z.optional(
      described(z.string().check(z.maxLength(500)), 'What the system is, for people.'),
    ),
    kinds: z.optional(z.nullable(z.array(NotificationKind))),
    enabled: z.optional(described(z.boolean(), 'false stops deliveries to it.')),
    rotateSecret: z.optional(
      described(z.boolean(), 'Make a new secret (answered once); the old one stops at once.'),
    ),
  })
  .register(z.globalRegistry, {
    id: 'UpdateWebhookEndpointRequest',
    description: 'What to change on a webhook endpoint.',
  });
export type UpdateWebhookEndpointRequest = z.infer<typeof UpdateWebhookEndpointRequest>;

/**
 * An agency's own wording of one kind of message in one language. `{{name}}` inserts a value
 * (HTML-escaped in the HTML part): `code`, `procedure`, `status`, `nextStep`, `dueDate`,
 * `submittedDate`, `reason`, `documents`, `fees`, `link`, `agency`, `applicant`.
 */
export const NotificationTemplate = z
  .object({
    agencyCode: described(
      z.string().check(z.minLength(1), z.maxLength(64)),
      'The agency whose messages this wording is for.',
    ),
    kind: NotificationKind,
    locale: described(z.enum(['vi', 'en']), 'The language of this wording.'),
    subject: described(
      z.string().check(z.minLength(1), z.maxLength(300)),
      'The subject line; {{placeholders}} as in the body.',
    ),
    body: described(
      z.string().check(z.minLength(1), z.maxLength(20_000)),
      'Plain text; paragraphs separated by blank lines. The HTML part is made from it.',
    ),
  })
  .register(z.globalRegistry, {
    id: 'NotificationTemplate',
    description: "An agency's wording of one kind of message, overriding the built-in one.",
  });
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

/** The body of a webhook: Standard Webhooks' `type`, `timestamp` and `data`. */
export const WebhookPayload = z
  .object({
    type: described(z.string(), '`dossier.<kind>`, e.g. dossier.submitted.'),
    timestamp: Timestamp,
    data: z.object({
      dossierId: Id,
      code: z.optional(z.string()),
      procedureCode: z.string(),
      status: z.string(),
      action: z.optional(z.string()),
      agencyCode: z.optional(z.string()),
      submittedAt: z.optional(Timestamp),
      receivedAt: z.optional(Timestamp),
      dueAt: z.optional(Timestamp),
      note: z.optional(z.string()),
    }),
  })
  .register(z.globalRegistry, {
    id: 'WebhookPayload',
    description:
      'What an agency system receives: never the verifier or the applicant’s personal data, only what identifies the dossier and its new state.',
  });
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** A page of the outbox. */
export const NotificationPage = pageOf(Notification, 'NotificationPage');

/** Every webhook endpoint. */
export const WebhookEndpointList = z
  .object({ items: z.array(WebhookEndpoint) })
  .register(z.globalRegistry, { id: 'WebhookEndpointList', description: 'Webhook endpoints.' });

/** Agencies' own templates. */
export const NotificationTemplateList = z
  .object({ items: z.array(NotificationTemplate) })
  .register(z.globalRegistry, {
    id: 'NotificationTemplateList',
    description: "Agencies' own wording of messages.",
  });
