import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { CalendarDate, Timestamp } from './common.js';
import { SurveyCriterion } from './survey.js';

/** On-time figures for one agency or procedure over a period. */
export const OnTimeRow = z
  .object({
    key: described(z.string(), 'Agency code or procedure code.'),
    name: z.string(),
    received: described(z.int().check(z.nonnegative()), 'Dossiers received in the period.'),
    resolvedOnTime: z.int().check(z.nonnegative()),
    resolvedLate: z.int().check(z.nonnegative()),
    inProgress: described(z.int().check(z.nonnegative()), 'Still open at the end of the period.'),
    overdue: described(
      z.int().check(z.nonnegative()),
      'Open and past due at the end of the period.',
    ),
    onTimeRate: z.nullable(
      described(
        z.number().check(z.gte(0), z.lte(1)),
        'resolvedOnTime / (resolvedOnTime + resolvedLate); null if none.',
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

/** How `/statistics/services` groups its rows. */
export const StatisticsGrouping = described(
  z.enum(['agency', 'procedure', 'field', 'month']),
  'agency, procedure, field (lĩnh vực) or month received (YYYY-MM, Vietnam time).',
);
export type StatisticsGrouping = z.infer<typeof StatisticsGrouping>;

/** Query of `GET /statistics/services`. */
export const ServiceStatisticsQuery = z
  .object({
    from: described(CalendarDate, 'First day received, Vietnam time.'),
    to: described(CalendarDate, 'Last day received, Vietnam time.'),
    groupBy: z._default(StatisticsGrouping, 'month'),
    agencyCode: z.optional(
      described(z.string().check(z.maxLength(64)), "Only this agency; an officer's own by force."),
    ),
    procedureCode: z.optional(z.string().check(z.maxLength(64))),
    field: z.optional(described(z.string().check(z.maxLength(200)), 'Only this field (lĩnh vực).')),
    channel: z.optional(z.enum(['in_person', 'online', 'postal'])),
  })
  .register(z.globalRegistry, {
    id: 'ServiceStatisticsQuery',
    description: 'Period, grouping and filters of the service statistics.',
  });
export type ServiceStatisticsQuery = z.infer<typeof ServiceStatisticsQuery>;

const count = (description: string) => described(z.int().check(z.nonnegative()), description);
const share = (description: string) =>
  z.nullable(described(z.number().check(z.gte(0), z.lte(1)), description));

/**
 * Satisfaction of one group: how many dossiers were rated and, when at least `minGroupSize`
 * were, the mean score overall and per criterion. Below that the scores are withheld
 * (`suppressed`), so that a small group cannot point at one citizen's answers.
 */
export const SatisfactionSummary = z
  .object({
    responses: count('Dossiers rated.'),
    suppressed: described(z.boolean(), 'Scores withheld: too few responses in this group.'),
    average: z.nullable(
      described(z.number().check(z.gte(1), z.lte(5)), 'Mean of all scores, 1–5.'),
    ),
    satisfiedShare: share('Share of scores 4 or 5 (hài lòng, rất hài lòng).'),
    criteria: z.array(
      z.object({
        criterion: z.string(),
        average: z.number().check(z.gte(1), z.lte(5)),
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'SatisfactionSummary',
    description: 'Anonymous satisfaction scores of a group of dossiers.',
  });
export type SatisfactionSummary = z.infer<typeof SatisfactionSummary>;

/** The operations centre's figures for one group of dossiers. */
export const ServiceStatisticsRow = z
  .object({
    key: described(z.string(), 'Agency code, procedure code, field or month (YYYY-MM).'),
    name: z.string(),
    received: count('Dossiers received in the period.'),
    resolved: count('Of those, resolved (result issued).'),
    resolvedOnTime: count('Resolved by the due time.'),
    resolvedLate: count('Resolved after the due time.'),
    inProgress: count('Not finished now.'),
    overdueNow: count('Not finished now and past due (not counting paused dossiers).'),
    onTimeRate: share('resolvedOnTime / resolved; null if none.'),
    averageWorkingDays: z.nullable(
      described(z.number().check(z.nonnegative()), 'Mean working days from receipt to result.'),
    ),
    p90WorkingDays: z.nullable(
      described(z.number().check(z.nonnegative()), '90th percentile of the same.'),
    ),
    submittedOnline: count('Received through the online channel.'),
    onlineShare: share('submittedOnline / received.'),
    paid: count('Dossiers with a paid fee.'),
    paidOnline: count('Of those, paid online (not cash at the desk).'),
    paidOnlineShare: share('paidOnline / paid; null if none paid.'),
    satisfaction: SatisfactionSummary,
  })
  .register(z.globalRegistry, {
    id: 'ServiceStatisticsRow',
    description: 'Service figures for one agency, procedure, field or month.',
  });
export type ServiceStatisticsRow = z.infer<typeof ServiceStatisticsRow>;

/** The operations centre's statistics over a period. */
export const ServiceStatistics = z
  .object({
    from: CalendarDate,
    to: CalendarDate,
    groupBy: StatisticsGrouping,
    agencyCode: z.nullable(described(z.string(), 'The agency counted; null for all.')),
    minGroupSize: described(
      z.int().check(z.positive()),
      'Fewest responses for satisfaction scores to be shown.',
    ),
    generatedAt: Timestamp,
    criteria: described(
      z.array(SurveyCriterion),
      "The survey's criteria, in order: the names of the scores' codes.",
    ),
    rows: z.array(ServiceStatisticsRow),
    total: ServiceStatisticsRow,
  })
  .register(z.globalRegistry, {
    id: 'ServiceStatistics',
    description: 'Service statistics for the operations centre.',
  });
export type ServiceStatistics = z.infer<typeof ServiceStatistics>;
