// Generated from ROUTES by packages/schema/scripts/write-openapi.mjs — do not edit: run
// `pnpm --filter @egov-kit/schema openapi` after changing a route.

/**
 * The contract's route table without its schemas: each operation's method, path, who may call
 * it (`auth`), whether it is a creating POST that takes an Idempotency-Key (`idempotent`)
 * and whether it needs If-Match. For code that must not load zod (an API client's first bundle);
 * the schemas are in `ROUTES`.
 */
export const OPERATIONS = {
  "getHealth": {
    "id": "getHealth",
    "method": "get",
    "path": "/health",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "listProcedures": {
    "id": "listProcedures",
    "method": "get",
    "path": "/procedures",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "getProcedure": {
    "id": "getProcedure",
    "method": "get",
    "path": "/procedures/{code}",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "getProcedureForm": {
    "id": "getProcedureForm",
    "method": "get",
    "path": "/procedures/{code}/form",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "searchUnits": {
    "id": "searchUnits",
    "method": "get",
    "path": "/units",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "getUnit": {
    "id": "getUnit",
    "method": "get",
    "path": "/units/{code}",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "listAgencies": {
    "id": "listAgencies",
    "method": "get",
    "path": "/agencies",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "createDossier": {
    "id": "createDossier",
    "method": "post",
    "path": "/dossiers",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": false
  },
  "listMyDossiers": {
    "id": "listMyDossiers",
    "method": "get",
    "path": "/dossiers",
    "auth": "citizen",
    "idempotent": false,
    "ifMatch": false
  },
  "getDossier": {
    "id": "getDossier",
    "method": "get",
    "path": "/dossiers/{id}",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "updateDossier": {
    "id": "updateDossier",
    "method": "patch",
    "path": "/dossiers/{id}",
    "auth": "citizen",
    "idempotent": false,
    "ifMatch": true
  },
  "deleteDossier": {
    "id": "deleteDossier",
    "method": "delete",
    "path": "/dossiers/{id}",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": true
  },
  "submitDossier": {
    "id": "submitDossier",
    "method": "post",
    "path": "/dossiers/{id}/submit",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": true
  },
  "withdrawDossier": {
    "id": "withdrawDossier",
    "method": "post",
    "path": "/dossiers/{id}/withdraw",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": false
  },
  "supplementDossier": {
    "id": "supplementDossier",
    "method": "post",
    "path": "/dossiers/{id}/supplement",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": false
  },
  "listDossierEvents": {
    "id": "listDossierEvents",
    "method": "get",
    "path": "/dossiers/{id}/events",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "uploadAttachment": {
    "id": "uploadAttachment",
    "method": "post",
    "path": "/dossiers/{id}/attachments",
    "auth": "any_user",
    "idempotent": true,
    "ifMatch": false
  },
  "downloadAttachment": {
    "id": "downloadAttachment",
    "method": "get",
    "path": "/attachments/{id}",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "listPayments": {
    "id": "listPayments",
    "method": "get",
    "path": "/dossiers/{id}/payments",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "createPayment": {
    "id": "createPayment",
    "method": "post",
    "path": "/dossiers/{id}/payments",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": false
  },
  "getPayment": {
    "id": "getPayment",
    "method": "get",
    "path": "/dossiers/{id}/payments/{paymentId}",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "getPaymentReceipt": {
    "id": "getPaymentReceipt",
    "method": "get",
    "path": "/dossiers/{id}/payments/{paymentId}/receipt",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "listPaymentMethods": {
    "id": "listPaymentMethods",
    "method": "get",
    "path": "/payment-methods",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "receivePaymentNotification": {
    "id": "receivePaymentNotification",
    "method": "post",
    "path": "/payment-notifications/{provider}",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "getSurvey": {
    "id": "getSurvey",
    "method": "get",
    "path": "/dossiers/{id}/survey",
    "auth": "citizen",
    "idempotent": false,
    "ifMatch": false
  },
  "answerSurvey": {
    "id": "answerSurvey",
    "method": "post",
    "path": "/dossiers/{id}/survey",
    "auth": "citizen",
    "idempotent": true,
    "ifMatch": false
  },
  "getSurveyStatus": {
    "id": "getSurveyStatus",
    "method": "get",
    "path": "/dossiers/{id}/survey/status",
    "auth": "citizen",
    "idempotent": false,
    "ifMatch": false
  },
  "lookupDossier": {
    "id": "lookupDossier",
    "method": "get",
    "path": "/lookup",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "getOnTimeStatistics": {
    "id": "getOnTimeStatistics",
    "method": "get",
    "path": "/statistics/on-time",
    "auth": "public",
    "idempotent": false,
    "ifMatch": false
  },
  "getServiceStatistics": {
    "id": "getServiceStatistics",
    "method": "get",
    "path": "/statistics/services",
    "auth": "officer",
    "idempotent": false,
    "ifMatch": false
  },
  "listAgencyDossiers": {
    "id": "listAgencyDossiers",
    "method": "get",
    "path": "/officer/dossiers",
    "auth": "officer",
    "idempotent": false,
    "ifMatch": false
  },
  "takeOfficerAction": {
    "id": "takeOfficerAction",
    "method": "post",
    "path": "/officer/dossiers/{id}/actions",
    "auth": "officer",
    "idempotent": true,
    "ifMatch": false
  },
  "getNotificationPreferences": {
    "id": "getNotificationPreferences",
    "method": "get",
    "path": "/me/notification-preferences",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "updateNotificationPreferences": {
    "id": "updateNotificationPreferences",
    "method": "patch",
    "path": "/me/notification-preferences",
    "auth": "any_user",
    "idempotent": false,
    "ifMatch": false
  },
  "listNotifications": {
    "id": "listNotifications",
    "method": "get",
    "path": "/admin/notifications",
    "auth": "admin",
    "idempotent": false,
    "ifMatch": false
  },
  "replayNotification": {
    "id": "replayNotification",
    "method": "post",
    "path": "/admin/notifications/{id}/replay",
    "auth": "admin",
    "idempotent": true,
    "ifMatch": false
  },
  "listWebhookEndpoints": {
    "id": "listWebhookEndpoints",
    "method": "get",
    "path": "/admin/webhook-endpoints",
    "auth": "admin",
    "idempotent": false,
    "ifMatch": false
  },
  "createWebhookEndpoint": {
    "id": "createWebhookEndpoint",
    "method": "post",
    "path": "/admin/webhook-endpoints",
    "auth": "admin",
    "idempotent": true,
    "ifMatch": false
  },
  "updateWebhookEndpoint": {
    "id": "updateWebhookEndpoint",
    "method": "patch",
    "path": "/admin/webhook-endpoints/{id}",
    "auth": "admin",
    "idempotent": false,
    "ifMatch": false
  },
  "listNotificationTemplates": {
    "id": "listNotificationTemplates",
    "method": "get",
    "path": "/admin/notification-templates",
    "auth": "admin",
    "idempotent": false,
    "ifMatch": false
  },
  "putNotificationTemplate": {
    "id": "putNotificationTemplate",
    "method": "post",
    "path": "/admin/notification-templates",
    "auth": "admin",
    "idempotent": true,
    "ifMatch": false
  }
} as const;

/** The `operationId` of every route. */
export type OperationId = keyof typeof OPERATIONS;
