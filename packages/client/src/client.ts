import type { Health } from '@egov-kit/schema';
import type * as z from 'zod/mini';
import { Core } from './internal/core.js';
import { lazy } from './internal/lazy.js';
import { OPERATIONS } from './internal/operations.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { type AgenciesResource, agencies } from './resources/agencies.js';
import { type AttachmentsResource, attachments } from './resources/attachments.js';
import { type DossiersResource, dossiers } from './resources/dossiers.js';
import {
  type AdminResource,
  admin,
  type NotificationsResource,
  notifications,
} from './resources/notifications.js';
import { type OfficerResource, officer } from './resources/officer.js';
import { type PaymentsResource, payments } from './resources/payments.js';
import { type ProceduresResource, procedures } from './resources/procedures.js';
import { type StatisticsResource, statistics } from './resources/statistics.js';
import { type SurveysResource, surveys } from './resources/surveys.js';
import { type UnitsResource, units } from './resources/units.js';

const system = lazy(() => import('./validators/system.js'));

/** A client of one egov-kit API; its resources mirror the contract's. */
export interface Client {
  readonly procedures: ProceduresResource;
  readonly units: UnitsResource;
  readonly agencies: AgenciesResource;
  readonly dossiers: DossiersResource;
  readonly attachments: AttachmentsResource;
  readonly payments: PaymentsResource;
  readonly surveys: SurveysResource;
  readonly statistics: StatisticsResource;
  readonly officer: OfficerResource;
  /** The signed-in person's notification preferences. */
  readonly notifications: NotificationsResource;
  /** Administration: the notification outbox, dead letters, webhook endpoints, templates. */
  readonly admin: AdminResource;
  /** Whether the server is up (`GET /health`). */
  health(options?: RequestOptions): Promise<z.infer<typeof Health>>;
}

/**
 * Creates a client of an egov-kit API.
 *
 * ```ts
 * const client = createClient({
 *   baseUrl: 'https://dichvucong.example.gov.vn/api/v1',
 *   getToken: ({ refresh }) => (refresh ? auth.refresh() : auth.token()),
 *   locale: 'vi',
 * });
 * const page = await client.procedures.search('khai sinh');
 * ```
 *
 * Every answer is checked against the contract's schemas (`validate: false` to skip); the
 * schemas of a resource load the first time it is used. Failures are typed: {@link ApiError}
 * (and {@link ConflictError} for a 412), {@link NetworkError}, {@link TimeoutError},
 * {@link ResponseValidationError}.
 */
export function createClient(options: ClientOptions): Client {
  const core = new Core(options);
  return {
    procedures: procedures(core),
    units: units(core),
    agencies: agencies(core),
    dossiers: dossiers(core),
    attachments: attachments(core),
    payments: payments(core),
    surveys: surveys(core),
    statistics: statistics(core),
    officer: officer(core),
    notifications: notifications(core),
    admin: admin(core),
    health: async (requestOptions) =>
      (
        await core.send({
          op: OPERATIONS.getHealth,
          options: requestOptions,
          schema: async () => (await system()).Health,
        })
      ).data,
  };
}
