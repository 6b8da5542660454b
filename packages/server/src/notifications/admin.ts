import { randomUUID } from 'node:crypto';
import type {
  CreateWebhookEndpointRequest,
  Notification,
  NotificationKind,
  NotificationPreferences,
  NotificationTemplate,
  Page,
  UpdateNotificationPreferencesRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpoint,
} from '@egov-kit/schema';
import { newWebhookSecret } from '@egov-kit/schema/webhooks';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { DomainError } from '../services/domain-error.js';
import { TEMPLATE_VARIABLES } from './templates.js';
import {
  checkWebhookUrl,
  DEFAULT_WEBHOOK_POLICY,
  type WebhookTargetPolicy,
} from './webhook-target.js';

interface PreferenceRow {
  email: string | null;
  phone: string | null;
  email_enabled: boolean;
  sms_enabled: boolean;
  locale: string;
}

const preferencesOf = (row: PreferenceRow | undefined): NotificationPreferences => ({
  ...(row?.email ? { email: row.email } : {}),
  ...(row?.phone ? { phone: row.phone } : {}),
  channels: { email: row?.email_enabled ?? true, sms: row?.sms_enabled ?? false },
  locale: row?.locale === 'en' ? 'en' : 'vi',
});

/** The caller's notification preferences, or the defaults. */
export async function getPreferences(
  db: Queryable,
  principal: Principal,
): Promise<NotificationPreferences> {
  const [row] = await db.query<PreferenceRow>(
    'select * from notification_preferences where principal_id = $1',
    [principal.id],
  );
  return preferencesOf(row);
}

/**
 * Changes the caller's preferences. An officer's row also records their agency (from the
 * token), which is how the outbox finds the officers of an agency.
 */
export async function updatePreferences(
  tx: Queryable,
  principal: Principal,
  request: UpdateNotificationPreferencesRequest,
): Promise<NotificationPreferences> {
  const keep = (value: unknown) => (value === undefined ? null : value);
  const [row] = await tx.query<PreferenceRow>(
    `insert into notification_preferences (principal_id, role, agency_code, email, phone, email_enabled, sms_enabled, locale, updated_at)
     values ($1, $2, $3, $4, $5, coalesce($6, true), coalesce($7, false), coalesce($8, 'vi'), now())
     on conflict (principal_id) do update set
       role = excluded.role,
       agency_code = excluded.agency_code,
       email = case when $9 then excluded.email else notification_preferences.email end,
       phone = case when $10 then excluded.phone else notification_preferences.phone end,
       email_enabled = coalesce($6, notification_preferences.email_enabled),
       sms_enabled = coalesce($7, notification_preferences.sms_enabled),
       locale = coalesce($8, notification_preferences.locale),
       updated_at = now()
     returning *`,
    [
      principal.id,
      principal.role,
      principal.role === 'citizen' ? null : (principal.agencyCode ?? null),
      request.email ?? null,
      request.phone ?? null,
      keep(request.channels?.email),
      keep(request.channels?.sms),
      keep(request.locale),
      request.email !== undefined,
      request.phone !== undefined,
    ],
  );
  return preferencesOf(row);
}

interface NotificationRow {
  id: string;
  kind: Notification['kind'];
  channel: Notification['channel'];
  recipient: string;
  dossier_id: string | null;
  data: { code?: string };
  status: Notification['status'];
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

function notificationOf(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    ...(row.dossier_id ? { dossierId: row.dossier_id } : {}),
    ...(row.data?.code ? { dossierCode: row.data.code } : {}),
    status: row.status,
    attempts: row.attempts,
    ...(row.status === 'pending' && row.next_attempt_at
      ? { nextAttemptAt: row.next_attempt_at }
      : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: row.created_at,
    ...(row.sent_at ? { sentAt: row.sent_at } : {}),
  };
}

/** The outbox, newest first; `status: 'dead'` lists the dead letters. */
export async function listNotifications(
  db: Queryable,
  query: {
    status?: Notification['status'] | undefined;
    dossierId?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<Page<Notification>> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.status) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  if (query.dossierId) {
    params.push(query.dossierId);
    where.push(`dossier_id = $${params.length}`);
  }
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const rows = await db.query<NotificationRow>(
    `select * from notifications ${where.length ? `where ${where.join(' and ')}` : ''}
     order by created_at desc, id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(notificationOf),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

/** Puts a dead notification back in the outbox, attempts reset, same id. */
export async function replayNotification(tx: Queryable, id: string): Promise<Notification> {
  const [row] = await tx.query<NotificationRow>(
    `update notifications set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null
     where id = $1 and status = 'dead' returning *`,
    [id],
  );
  if (row) return notificationOf(row);
  const [exists] = await tx.query('select 1 from notifications where id = $1', [id]);
  if (!exists) {
    throw new DomainError('not_found', {
      vi: 'Không có thông báo này.',
      en: 'No such notification.',
    });
  }
  throw new DomainError(
    'conflict',
    {
      vi: 'Chỉ gửi lại được thông báo đã thất bại hẳn.',
      en: 'Only dead notifications can be replayed.',
    },
    { subcode: 'not_dead' },
  );
}

interface EndpointRow {
  id: string;
  agency_code: string | null;
  url: string;
  description: string | null;
  kinds: NotificationKind[] | null;
  secret: string;
  enabled: boolean;
  created_at: string;
}

function endpointOf(row: EndpointRow, withSecret = false): WebhookEndpoint {
  return {
    id: row.id,
    ...(row.agency_code ? { agencyCode: row.agency_code } : {}),
    url: row.url,
    ...(row.description ? { description: row.description } : {}),
    ...(row.kinds ? { kinds: row.kinds } : {}),
    enabled: row.enabled,
    createdAt: row.created_at,
    ...(withSecret ? { secret: row.secret } : {}),
  };
}

/** Every webhook endpoint, without secrets. */
export async function listWebhookEndpoints(db: Queryable): Promise<{ items: WebhookEndpoint[] }> {
  const rows = await db.query<EndpointRow>(
    'select * from webhook_endpoints order by created_at, id',
  );
  return { items: rows.map((row) => endpointOf(row)) };
}

/** Adds an endpoint with a new secret, answered this once. */
export async function createWebhookEndpoint(
  tx: Queryable,
  request: CreateWebhookEndpointRequest,
  policy: WebhookTargetPolicy = DEFAULT_WEBHOOK_POLICY,
): Promise<WebhookEndpoint> {
  if (request.agencyCode) await checkAgency(tx, request.agencyCode);
  await checkWebhookUrl(request.url, policy);
  const [row] = await tx.query<EndpointRow>(
    `insert into webhook_endpoints (id, agency_code, url, description, kinds, secret, enabled, created_at)
     values ($1, $2, $3, $4, $5, $6, true, now()) returning *`,
    [
      randomUUID(),
      request.agencyCode ?? null,
      request.url,
      request.description ?? null,
      request.kinds ? JSON.stringify(request.kinds) : null,
      newWebhookSecret(),
    ],
  );
  return endpointOf(row as EndpointRow, true);
}

/** Changes an endpoint; a rotated secret is answered this once. */
export async function updateWebhookEndpoint(
  tx: Queryable,
  id: string,
  request: UpdateWebhookEndpointRequest,
  policy: WebhookTargetPolicy = DEFAULT_WEBHOOK_POLICY,
): Promise<WebhookEndpoint> {
  if (request.url !== undefined) await checkWebhookUrl(request.url, policy);
  const [row] = await tx.query<EndpointRow>(
    `update webhook_endpoints set
       url = coalesce($2, url),
       description = case when $3 then $4 else description end,
       kinds = case when $5 then $6::jsonb else kinds end,
       enabled = coalesce($7, enabled),
       secret = coalesce($8, secret)
     where id = $1 returning *`,
    [
      id,
      request.url ?? null,
      request.description !== undefined,
      request.description ?? null,
      request.kinds !== undefined,
      request.kinds ? JSON.stringify(request.kinds) : null,
      request.enabled ?? null,
      request.rotateSecret ? newWebhookSecret() : null,
    ],
  );
  if (!row) {
    throw new DomainError('not_found', {
      vi: 'Không có điểm nhận webhook này.',
      en: 'No such webhook endpoint.',
    });
  }
  return endpointOf(row, request.rotateSecret === true);
}

/** Agencies' own templates. */
export async function listTemplates(
  db: Queryable,
  agency: string | undefined,
): Promise<{ items: NotificationTemplate[] }> {
  const rows = await db.query<{
    agency_code: string;
    kind: NotificationKind;
    locale: 'vi' | 'en';
    subject: string;
    body: string;
  }>(
    `select * from notification_templates where ($1::text is null or agency_code = $1)
     order by agency_code, kind, locale`,
    [agency ?? null],
  );
  return {
    items: rows.map((row) => ({
      agencyCode: row.agency_code,
      kind: row.kind,
      locale: row.locale,
      subject: row.subject,
      body: row.body,
    })),
  };
}

/**
 * Sets an agency's template. A placeholder that does not exist is refused (400) rather than
 * sent to citizens as `{{typo}}`.
 */
export async function putTemplate(
  tx: Queryable,
  template: NotificationTemplate,
): Promise<NotificationTemplate> {
  await checkAgency(tx, template.agencyCode);
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const errors = (['subject', 'body'] as const).flatMap((field) =>
    [...template[field].matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)]
      .map((match) => match[1] as string)
      .filter((name) => !known.has(name))
      .map((name) => ({
        path: field,
        code: 'unknown_placeholder',
        message: {
          vi: `Không có biến {{${name}}}. Dùng: ${TEMPLATE_VARIABLES.join(', ')}.`,
          en: `No placeholder {{${name}}}. Use: ${TEMPLATE_VARIABLES.join(', ')}.`,
        },
      })),
  );
  if (errors.length) {
    throw new DomainError(
      'invalid',
      { vi: 'Mẫu có biến không tồn tại.', en: 'The template names unknown placeholders.' },
      { errors },
    );
  }
  await tx.query(
    `insert into notification_templates (agency_code, kind, locale, subject, body, updated_at)
     values ($1, $2, $3, $4, $5, now())
     on conflict (agency_code, kind, locale) do update set subject = excluded.subject,
       body = excluded.body, updated_at = now()`,
    [template.agencyCode, template.kind, template.locale, template.subject, template.body],
  );
  return template;
}

async function checkAgency(tx: Queryable, code: string): Promise<void> {
  const [agency] = await tx.query('select 1 from agencies where code = $1', [code]);
  if (!agency) {
    throw new DomainError(
      'invalid',
      { vi: 'Không có cơ quan này.', en: 'No such agency.' },
      {
        errors: [
          {
            path: 'agencyCode',
            code: 'unknown',
            message: { vi: 'Không có cơ quan này.', en: 'No such agency.' },
          },
        ],
      },
    );
  }
}
