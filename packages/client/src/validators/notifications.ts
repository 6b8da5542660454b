// Loaded with `import()` on first use; see procedures.ts.
export {
  Notification,
  NotificationPage,
  NotificationPreferences,
  NotificationTemplate,
  NotificationTemplateList,
  WebhookEndpoint,
  WebhookEndpointList,
} from '@egov-kit/schema';
