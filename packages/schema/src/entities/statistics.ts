import * as z from 'zod/mini';
import { CalendarDate } from './common.js';

/** On-time figures for one agency or procedure over a period. */
export const OnTimeRow = z
  .object({
    key: z.string().check(z.describe('Agency code or procedure code.')),
    name: z.string(),
    received: z.int().check(z.nonnegative(), z.describe('Dossiers received in the period.')),
    resolvedOnTime: z.int().check(z.nonnegative()),
    resolvedLate: z.int().check(z.nonnegative()),
    inProgress: z.int().check(z.nonnegative(), z.describe('Still open at the end of the period.')),
    overdue: z
      .int()
      .check(z.nonnegative(), z.describe('Open and past due at the end of the period.')),
    onTimeRate: z.nullable(
      z
        .number()
        .check(
          z.gte(0),
          z.lte(1),
          z.describe('resolvedOnTime / (resolvedOnTime + resolvedLate); null if none.'),
        ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'OnTimeRow',
    description: 'On-time figures for one agency or procedure.',
  });
export type OnTimeRow = z.infer<typeof OnTimeRow>;

/** On-time statistics over a period, grouped by agency or procedure. */
export const OnTimeStatistics = z
  .object({
    from: CalendarDate,
    to: CalendarDate,
    groupBy: z.enum(['agency', 'procedure']),
    rows: z.array(OnTimeRow),
    total: OnTimeRow,
  })
  .register(z.globalRegistry, {
    id: 'OnTimeStatistics',
    description: 'On-time statistics for a period.',
  });
export type OnTimeStatistics = z.infer<typeof OnTimeStatistics>;
