import type { Handlers } from '../http/handlers.js';
import {
  createWebhookEndpoint,
  getPreferences,
  listNotifications,
  listTemplates,
  listWebhookEndpoints,
  putTemplate,
  replayNotification,
  updatePreferences,
  updateWebhookEndpoint,
} from './admin.js';

type NotificationOperation =
  | 'getNotificationPreferences'
  | 'updateNotificationPreferences'
  | 'listNotifications'
  | 'replayNotification'
  | 'listWebhookEndpoints'
  | 'createWebhookEndpoint'
  | 'updateWebhookEndpoint'
  | 'listNotificationTemplates'
  | 'putNotificationTemplate';

const ok = (body: unknown) => ({ status: 200, body });

/** The handlers of the notification routes: preferences, and the administrator's outbox. */
export const NOTIFICATION_HANDLERS: Pick<Handlers, NotificationOperation> = {
  getNotificationPreferences: async (c) => ok(await getPreferences(c.db, c.principal)),
  updateNotificationPreferences: async (c) =>
    ok(await updatePreferences(c.db, c.principal, c.body)),
  listNotifications: async (c) => ok(await listNotifications(c.db, c.query)),
  replayNotification: async (c) => ok(await replayNotification(c.db, c.params.id)),
  listWebhookEndpoints: async (c) => ok(await listWebhookEndpoints(c.db)),
  createWebhookEndpoint: async (c) => ({
    status: 201,
    body: await createWebhookEndpoint(c.db, c.body, c.webhookPolicy),
  }),
  updateWebhookEndpoint: async (c) =>
    ok(await updateWebhookEndpoint(c.db, c.params.id, c.body, c.webhookPolicy)),
  listNotificationTemplates: async (c) => ok(await listTemplates(c.db, c.query.agency)),
  putNotificationTemplate: async (c) => ok(await putTemplate(c.db, c.body)),
};
