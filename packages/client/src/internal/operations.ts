import type { ROUTES } from '@egov-kit/schema';

type Route = (typeof ROUTES)[number];

/** The `operationId` of every route of the contract. */
export type OperationId = Route['operationId'];

/** The route of the contract with this `operationId`. */
export type RouteOf<Id extends OperationId> = Extract<Route, { operationId: Id }>;

type Flag<R, Key extends string> = R extends { readonly [K in Key]: true } ? true : false;

/** What the client needs of a route at run time: no schema, so that none is bundled with it. */
export interface Operation {
  readonly id: OperationId;
  readonly method: 'get' | 'post' | 'patch';
  readonly path: string;
  readonly auth: 'public' | 'citizen' | 'officer' | 'admin' | 'any_user';
  /** Creating POST: gets an Idempotency-Key, and may then be retried. */
  readonly idempotent: boolean;
  /** Needs If-Match. */
  readonly ifMatch: boolean;
}

/**
 * The route table as the compiler sees it: every operation of `ROUTES` with its method, path,
 * auth and flags as literal types. `OPERATIONS` must satisfy it exactly, so a route changed in
 * the schema package without the client following does not compile.
 */
type Contract = {
  readonly [Id in OperationId]: {
    readonly id: Id;
    readonly method: RouteOf<Id>['method'];
    readonly path: RouteOf<Id>['path'];
    readonly auth: RouteOf<Id>['auth'];
    readonly idempotent: Flag<RouteOf<Id>, 'idempotent'>;
    readonly ifMatch: Flag<RouteOf<Id>, 'ifMatch'>;
  };
};

/**
 * A copy of the route table without its schemas (which would pull every schema and zod into
 * the first bundle a page loads; they load lazily instead, see `validators/`). Checked against
 * `ROUTES` by the compiler (above) and by a test.
 */
export const OPERATIONS = {
  getHealth: op('getHealth', 'get', '/health', 'public'),
  listProcedures: op('listProcedures', 'get', '/procedures', 'public'),
  getProcedure: op('getProcedure', 'get', '/procedures/{code}', 'public'),
  getProcedureForm: op('getProcedureForm', 'get', '/procedures/{code}/form', 'public'),
  searchUnits: op('searchUnits', 'get', '/units', 'public'),
  getUnit: op('getUnit', 'get', '/units/{code}', 'public'),
  listAgencies: op('listAgencies', 'get', '/agencies', 'public'),
  createDossier: op('createDossier', 'post', '/dossiers', 'citizen', true),
  listMyDossiers: op('listMyDossiers', 'get', '/dossiers', 'citizen'),
  getDossier: op('getDossier', 'get', '/dossiers/{id}', 'any_user'),
  updateDossier: op('updateDossier', 'patch', '/dossiers/{id}', 'citizen', false, true),
  submitDossier: op('submitDossier', 'post', '/dossiers/{id}/submit', 'citizen', true, true),
  withdrawDossier: op('withdrawDossier', 'post', '/dossiers/{id}/withdraw', 'citizen', true),
  supplementDossier: op('supplementDossier', 'post', '/dossiers/{id}/supplement', 'citizen', true),
  listDossierEvents: op('listDossierEvents', 'get', '/dossiers/{id}/events', 'any_user'),
  uploadAttachment: op('uploadAttachment', 'post', '/dossiers/{id}/attachments', 'any_user', true),
  downloadAttachment: op('downloadAttachment', 'get', '/attachments/{id}', 'public'),
  listPayments: op('listPayments', 'get', '/dossiers/{id}/payments', 'any_user'),
  createPayment: op('createPayment', 'post', '/dossiers/{id}/payments', 'citizen', true),
  getPayment: op('getPayment', 'get', '/dossiers/{id}/payments/{paymentId}', 'any_user'),
  getPaymentReceipt: op(
    'getPaymentReceipt',
    'get',
    '/dossiers/{id}/payments/{paymentId}/receipt',
    'any_user',
  ),
  listPaymentMethods: op('listPaymentMethods', 'get', '/payment-methods', 'public'),
  receivePaymentNotification: op(
    'receivePaymentNotification',
    'post',
    '/payment-notifications/{provider}',
    'public',
  ),
  getSurvey: op('getSurvey', 'get', '/dossiers/{id}/survey', 'citizen'),
  answerSurvey: op('answerSurvey', 'post', '/dossiers/{id}/survey', 'citizen', true),
  getSurveyStatus: op('getSurveyStatus', 'get', '/dossiers/{id}/survey/status', 'citizen'),
  lookupDossier: op('lookupDossier', 'get', '/lookup', 'public'),
  getOnTimeStatistics: op('getOnTimeStatistics', 'get', '/statistics/on-time', 'public'),
  getServiceStatistics: op('getServiceStatistics', 'get', '/statistics/services', 'officer'),
  listAgencyDossiers: op('listAgencyDossiers', 'get', '/officer/dossiers', 'officer'),
  takeOfficerAction: op(
    'takeOfficerAction',
    'post',
    '/officer/dossiers/{id}/actions',
    'officer',
    true,
  ),
  getNotificationPreferences: op(
    'getNotificationPreferences',
    'get',
    '/me/notification-preferences',
    'any_user',
  ),
  updateNotificationPreferences: op(
    'updateNotificationPreferences',
    'patch',
    '/me/notification-preferences',
    'any_user',
  ),
  listNotifications: op('listNotifications', 'get', '/admin/notifications', 'admin'),
  replayNotification: op(
    'replayNotification',
    'post',
    '/admin/notifications/{id}/replay',
    'admin',
    true,
  ),
  listWebhookEndpoints: op('listWebhookEndpoints', 'get', '/admin/webhook-endpoints', 'admin'),
  createWebhookEndpoint: op(
    'createWebhookEndpoint',
    'post',
    '/admin/webhook-endpoints',
    'admin',
    true,
  ),
  updateWebhookEndpoint: op(
    'updateWebhookEndpoint',
    'patch',
    '/admin/webhook-endpoints/{id}',
    'admin',
  ),
  listNotificationTemplates: op(
    'listNotificationTemplates',
    'get',
    '/admin/notification-templates',
    'admin',
  ),
  putNotificationTemplate: op(
    'putNotificationTemplate',
    'post',
    '/admin/notification-templates',
    'admin',
    true,
  ),
} as const satisfies Contract;

function op<
  const Id extends OperationId,
  const Method extends Operation['method'],
  const Path extends string,
  const Auth extends Operation['auth'],
  const Idempotent extends boolean = false,
  const IfMatch extends boolean = false,
>(
  id: Id,
  method: Method,
  path: Path,
  auth: Auth,
  idempotent: Idempotent = false as Idempotent,
  ifMatch: IfMatch = false as IfMatch,
) {
  return { id, method, path, auth, idempotent, ifMatch };
}
