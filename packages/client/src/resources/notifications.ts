import type {
  CreateWebhookEndpointRequest,
  Notification,
  NotificationPreferences,
  NotificationStatus,
  NotificationTemplate,
  Page,
  UpdateNotificationPreferencesRequest,
  UpdateWebhookEndpointRequest,
  WebhookEndpoint,
} from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { KeyedRequestOptions, RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/notifications.js'));

/** How the signed-in person (citizen or officer) is notified. */
export interface NotificationsResource {
  /** Channels, addresses and language; the defaults when never set. */
  preferences(options?: RequestOptions): Promise<NotificationPreferences>;
  /** Changes the fields given; `null` clears an address. */
  updatePreferences(
    change: UpdateNotificationPreferencesRequest,
    options?: RequestOptions,
  ): Promise<NotificationPreferences>;
}

/** The filters of the outbox. */
export interface OutboxQuery {
  readonly status?: NotificationStatus;
  readonly dossierId?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** An administrator's view of notifications: outbox, dead letters, webhooks, templates. */
export interface AdminResource {
  /** The outbox, newest first; `{ status: 'dead' }` for the dead letters. */
  notifications(query?: OutboxQuery, options?: RequestOptions): Promise<Page<Notification>>;
  /** Sends a dead notification again, with the same id. */
  replayNotification(id: string, options?: KeyedRequestOptions): Promise<Notification>;
  webhookEndpoints(options?: RequestOptions): Promise<{ items: WebhookEndpoint[] }>;
  /** Adds an endpoint; the answer carries its secret, this once. */
  createWebhookEndpoint(
    endpoint: CreateWebhookEndpointRequest,
    options?: KeyedRequestOptions,
  ): Promise<WebhookEndpoint>;
  updateWebhookEndpoint(
    id: string,
    change: UpdateWebhookEndpointRequest,
    options?: RequestOptions,
  ): Promise<WebhookEndpoint>;
  templates(
    query?: { agency?: string },
    options?: RequestOptions,
  ): Promise<{ items: NotificationTemplate[] }>;
  /** Sets an agency's wording of one kind of message in one language. */
  putTemplate(
    template: NotificationTemplate,
    options?: KeyedRequestOptions,
  ): Promise<NotificationTemplate>;
}

/** The notifications resource on a client's request core. */
export function notifications(core: Core): NotificationsResource {
  return {
    preferences: async (options) =>
      (
        await core.send({
          op: OPERATIONS.getNotificationPreferences,
          options,
          schema: async () => (await schemas()).NotificationPreferences,
        })
      ).data,
    updatePreferences: async (change, options) =>
      (
        await core.send({
          op: OPERATIONS.updateNotificationPreferences,
          json: change,
          options,
          schema: async () => (await schemas()).NotificationPreferences,
        })
      ).data,
  };
}

/** The admin resource on a client's request core. */
export function admin(core: Core): AdminResource {
  return {
    notifications: async (query, options) =>
      (
        await core.send({
          op: OPERATIONS.listNotifications,
          query,
          options,
          schema: async () => (await schemas()).NotificationPage,
        })
      ).data,
    replayNotification: async (id, options) =>
      (
        await core.send({
          op: OPERATIONS.replayNotification,
          params: { id },
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: async () => (await schemas()).Notification,
        })
      ).data,
    webhookEndpoints: async (options) =>
      (
        await core.send({
          op: OPERATIONS.listWebhookEndpoints,
          options,
          schema: async () => (await schemas()).WebhookEndpointList,
        })
      ).data,
    createWebhookEndpoint: async (endpoint, options) =>
      (
        await core.send({
          op: OPERATIONS.createWebhookEndpoint,
          json: endpoint,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: async () => (await schemas()).WebhookEndpoint,
        })
      ).data,
    updateWebhookEndpoint: async (id, change, options) =>
      (
        await core.send({
          op: OPERATIONS.updateWebhookEndpoint,
          params: { id },
          json: change,
          options,
          schema: async () => (await schemas()).WebhookEndpoint,
        })
      ).data,
    templates: async (query, options) =>
      (
        await core.send({
          op: OPERATIONS.listNotificationTemplates,
          query,
          options,
          schema: async () => (await schemas()).NotificationTemplateList,
        })
      ).data,
    putTemplate: async (template, options) =>
      (
        await core.send({
          op: OPERATIONS.putNotificationTemplate,
          json: template,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: async () => (await schemas()).NotificationTemplate,
        })
      ).data,
  };
}
