import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/service-stats';
import type { StatsClient } from '@egov-kit/elements';
import {
  DEFAULT_SURVEY,
  type ServiceStatistics,
  type ServiceStatisticsRow,
} from '@egov-kit/schema';

type Kind = 'ready' | 'loading' | 'empty' | 'error' | 'withheld';
type Args = { lang: string; kind: Kind; width: string; theme: string; admin: boolean };

function row(key: string, name: string, received: number, responses: number): ServiceStatisticsRow {
  const resolved = Math.round(received * 0.82);
  const onTime = Math.round(resolved * (0.8 + (received % 7) / 50));
  const suppressed = responses < 5;
  return {
    key,
    name,
    received,
    resolved,
    resolvedOnTime: onTime,
    resolvedLate: resolved - onTime,
    inProgress: received - resolved,
    overdueNow: Math.round((received - resolved) / 4),
    onTimeRate: resolved ? onTime / resolved : null,
    averageWorkingDays: 3 + (received % 5) / 2,
    p90WorkingDays: 8 + (received % 4),
    submittedOnline: Math.round(received * 0.72),
    onlineShare: 0.72,
    paid: Math.round(received * 0.3),
    paidOnline: Math.round(received * 0.2),
    paidOnlineShare: 2 / 3,
    satisfaction: suppressed
      ? { responses, suppressed: true, average: null, satisfiedShare: null, criteria: [] }
      : {
          responses,
          suppressed: false,
          average: 4.1,
          satisfiedShare: 0.81,
          criteria: DEFAULT_SURVEY.criteria.map((c, i) => ({
            criterion: c.code,
            average: 3.4 + ((i * 7) % 10) / 10,
          })),
        },
  };
}

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const data = (withheld: boolean): ServiceStatistics => ({
  from: '2026-01-01',
  to: '2026-06-30',
  groupBy: 'month',
  agencyCode: 'UBND-20242',
  minGroupSize: 5,
  generatedAt: '2026-07-01T01:30:00.000Z',
  criteria: DEFAULT_SURVEY.criteria,
  rows: months.map((m, i) => row(m, m, 180 + i * 23, withheld ? i : 20 + i)),
  total: row('total', 'Tổng cộng', 1425, withheld ? 4 : 135),
});

function client(kind: Kind): StatsClient {
  return {
    statistics: {
      services: async () => {
        if (kind === 'loading') return new Promise<never>(() => {});
        if (kind === 'error') throw new Error('500');
        if (kind === 'empty')
          return { ...data(false), rows: [], total: { ...row('total', '', 0, 0) } };
        return data(kind === 'withheld');
      },
    },
  };
}

const agencies = [
  { code: 'UBND-20242', name: 'UBND xã Hòa Vang' },
  { code: 'UBND-00070', name: 'UBND phường Hoàn Kiếm' },
];

const meta: Meta<Args> = {
  title: 'Operations/Service statistics',
  component: 'egov-service-stats',
  args: { lang: 'vi', kind: 'ready', width: '100%', theme: 'light', admin: false },
  argTypes: {
    kind: { control: 'select', options: ['ready', 'loading', 'empty', 'error', 'withheld'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ lang, kind, width, theme, admin }) =>
    html`<div lang=${lang} style="max-width:${width}">
      <egov-service-stats
        theme=${theme}
        from="2026-01-01"
        to="2026-06-30"
        .agencies=${admin ? agencies : []}
       
        .client=${client(kind)}
      ></egov-service-stats>
    </div>`,
};

export default meta;
type Story = StoryObj<Args>;

/** An officer's agency over half a year: figures, charts, and the tables beside them. */
export const Ready: Story = {};
export const ReadyEnglish: Story = { args: { lang: 'en' } };
/** An administrator may choose the agency. */
export const Administrator: Story = { args: { admin: true } };
export const Dark: Story = { args: { theme: 'dark' } };
/** On a 360 px phone: the table scrolls inside its own region. */
export const Narrow: Story = { args: { width: '360px' } };
/** Too few ratings: the scores are withheld, and the page says why. */
export const ScoresWithheld: Story = { args: { kind: 'withheld' } };
export const Loading: Story = { args: { kind: 'loading' } };
export const Empty: Story = { args: { kind: 'empty' } };
export const ErrorState: Story = { args: { kind: 'error' } };
