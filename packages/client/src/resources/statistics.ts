import type {
  OnTimeStatistics,
  ServiceStatistics,
  ServiceStatisticsQuery,
  StatisticsQuery,
} from '@egov-kit/schema';
import type * as z from 'zod/mini';
import type { Core } from '../internal/core.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/statistics.js'));

/** The period and grouping of on-time statistics; `groupBy` is `agency` by default. */
export type OnTimeQuery = z.input<typeof StatisticsQuery>;

/** The period, grouping (`month` by default) and filters of the service statistics. */
export type ServiceQuery = z.input<typeof ServiceStatisticsQuery>;

/** Service statistics: public on-time rates, and the operations centre's figures. */
export interface StatisticsResource {
  /**
   * On-time rates per agency or procedure over a period (`from`, `to`: `YYYY-MM-DD`): received,
   * resolved on time and late, in progress, overdue.
   */
  onTime(query: OnTimeQuery, options?: RequestOptions): Promise<OnTimeStatistics>;
  /**
   * The operations centre's figures (officers: their agency; administrators: all) per agency,
   * procedure, field or month: counts, on-time rate, working days taken, online submission and
   * payment, and anonymous satisfaction scores.
   */
  services(query: ServiceQuery, options?: RequestOptions): Promise<ServiceStatistics>;
}

/** The statistics resource on a client's request core. */
export function statistics(core: Core): StatisticsResource {
  return {
    onTime: async (query, options) =>
      (
        await core.send({
          op: OPERATIONS.getOnTimeStatistics,
          query,
          options,
          schema: async () => (await schemas()).OnTimeStatistics,
        })
      ).data,
    services: async (query, options) =>
      (
        await core.send({
          op: OPERATIONS.getServiceStatistics,
          query,
          options,
          schema: async () => (await schemas()).ServiceStatistics,
        })
      ).data,
  };
}
