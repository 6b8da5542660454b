import type { Client } from '@egov-kit/client';
import {
  DEFAULT_SURVEY,
  type ServiceStatistics,
  type ServiceStatisticsRow,
} from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import '../src/service-stats/define.js';
import { toCsv } from '../src/service-stats/csv.js';
import type { EgovServiceStats, StatsClient } from '../src/service-stats/service-stats.js';
import { until } from './helpers.js';

// The real client fits the element's `client` property (a compile-time check).
const fits: (client: Client) => StatsClient = (client) => client;
void fits;

function row(
  key: string,
  name: string,
  received: number,
  suppressed = false,
): ServiceStatisticsRow {
  const resolved = Math.round(received * 0.8);
  const onTime = Math.round(resolved * 0.9);
  return {
    key,
    name,
    received,
    resolved,
    resolvedOnTime: onTime,
    resolvedLate: resolved - onTime,
    inProgress: received - resolved,
    overdueNow: 1,
    onTimeRate: resolved ? onTime / resolved : null,
    averageWorkingDays: 4.25,
    p90WorkingDays: 9,
    submittedOnline: Math.round(received * 0.7),
    onlineShare: 0.7,
    paid: 10,
    paidOnline: 7,
    paidOnlineShare: 0.7,
    satisfaction: suppressed
      ? { responses: 2, suppressed: true, average: null, satisfiedShare: null, criteria: [] }
      : {
          responses: 12,
          suppressed: false,
          average: 4.12,
          satisfiedShare: 0.8,
          criteria: DEFAULT_SURVEY.criteria.map((c, i) => ({
            criterion: c.code,
            average: 3 + (i % 3) * 0.5,
          })),
        },
  };
}

const DATA: ServiceStatistics = {
  from: '2025-01-01',
  to: '2025-03-31',
  groupBy: 'month',
  agencyCode: 'UBND-20242',
  minGroupSize: 5,
  generatedAt: '2025-04-01T02:00:00.000Z',
  criteria: DEFAULT_SURVEY.criteria,
  rows: [
    row('2025-01', '2025-01', 40),
    row('2025-02', '=HYPERLINK("http://x")', 30, true),
    row('2025-03', 'Hộ tịch, "khai sinh"', 50),
  ],
  total: row('total', 'Tổng cộng', 120),
};

function fakeClient(data: ServiceStatistics | Error) {
  const asked: unknown[] = [];
  const client: StatsClient & { asked: unknown[] } = {
    asked,
    statistics: {
      services: async (query) => {
        asked.push(query);
        if (data instanceof Error) throw data;
        return data;
      },
    },
  };
  return client;
}

async function stats(client: StatsClient, lang = 'vi') {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-service-stats from="2025-01-01" to="2025-03-31" .client=${client}></egov-service-stats>
  </div>`);
  const element = wrapper.querySelector('egov-service-stats') as EgovServiceStats;
  await until(() => element.view !== 'loading' && element.view !== 'idle');
  await element.updateComplete;
  return element;
}

const text = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<egov-service-stats>', () => {
  it('shows the headline figures, a table of every figure, and the charts once loaded', async () => {
    const client = fakeClient(DATA);
    const element = await stats(client);
    expect(element.view).to.equal('ready');
    expect(client.asked).to.deep.equal([
      { from: '2025-01-01', to: '2025-03-31', groupBy: 'month' },
    ]);
    const summary = element.shadowRoot?.querySelector('[part="summary"]')?.textContent ?? '';
    expect(summary.replace(/\s+/g, '')).to.contain('Tiếpnhận120');
    const table = element.shadowRoot?.querySelector('[part="table"]') as HTMLTableElement;
    expect(table.tBodies[0]?.rows).to.have.length(3);
    expect(table.tFoot?.textContent).to.contain('Tổng cộng');
    // A withheld group says so in words.
    expect(table.tBodies[0]?.rows[1]?.textContent).to.contain('ẩn');
    await until(() => element.shadowRoot?.querySelector('.bars') !== null);
    expect(element.shadowRoot?.querySelectorAll('[part="chart"]')).to.have.length(2);
    // The satisfaction chart has its own table of the same numbers.
    expect(text(element)).to.contain('Điểm hài lòng theo tiêu chí');
    expect(text(element)).to.contain('Thông tin về thủ tục được công khai');
    await expect(element).to.be.accessible();
  });

  it('speaks English', async () => {
    const element = await stats(fakeClient(DATA), 'en');
    expect(text(element)).to.contain('On-time rate');
    expect(text(element)).to.contain('withheld');
    await expect(element).to.be.accessible();
  });

  it('asks again with the filters and says so with an event', async () => {
    const client = fakeClient(DATA);
    const element = await stats(client);
    element.agencies = [
      { code: 'UBND-20242', name: 'UBND xã Hòa Vang' },
      { code: 'UBND-00070', name: 'UBND phường Hoàn Kiếm' },
    ];
    await element.updateComplete;
    const root = element.shadowRoot as ShadowRoot;
    (root.querySelector('select[name="groupBy"]') as HTMLSelectElement).value = 'procedure';
    (root.querySelector('select[name="channel"]') as HTMLSelectElement).value = 'online';
    (root.querySelector('select[name="agencyCode"]') as HTMLSelectElement).value = 'UBND-00070';
    const changed = new Promise<CustomEvent>((resolve) =>
      element.addEventListener('egov-stats-change', (e) => resolve(e as CustomEvent), {
        once: true,
      }),
    );
    (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    const event = await changed;
    expect(event.detail.query).to.deep.equal({
      from: '2025-01-01',
      to: '2025-03-31',
      groupBy: 'procedure',
      channel: 'online',
      agencyCode: 'UBND-00070',
    });
    await until(() => client.asked.length === 2);
    expect(client.asked[1]).to.deep.equal(event.detail.query);
  });

  it('exports CSV that Excel reads: BOM, quoting, no formulas', async () => {
    const element = await stats(fakeClient(DATA));
    const csv = element.csv();
    expect(csv.startsWith('\uFEFFNhóm,Tiếp nhận,')).to.equal(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).to.have.length(6); // header, 3 rows, total, and the empty end
    expect(lines[2]).to.match(/^"'=HYPERLINK\(""http:\/\/x""\)",30,/);
    expect(lines[3]).to.match(/^"Hộ tịch, ""khai sinh""",50,/);
    // Withheld scores are an empty cell, not a zero.
    expect(lines[2]?.endsWith(',2,')).to.equal(true);
    expect(toCsv([['a\nb', '+1', null, 1.5]])).to.equal('\uFEFF"a\nb",\'+1,,1.5\r\n');
  });

  it('says when nothing was received, and offers a retry after an error', async () => {
    const empty = await stats(
      fakeClient({ ...DATA, rows: [], total: { ...row('total', '', 0), received: 0 } }),
    );
    expect(empty.view).to.equal('empty');
    expect(text(empty)).to.contain('Không có hồ sơ nào');
    await expect(empty).to.be.accessible();
    const broken = await stats(fakeClient(new Error('500')));
    expect(broken.view).to.equal('error');
    expect(broken.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain(
      'Không tải được số liệu',
    );
    await expect(broken).to.be.accessible();
  });

  it('fits a 360 px screen: the table scrolls inside its own region', async () => {
    const element = await stats(fakeClient(DATA));
    element.style.width = '360px';
    element.style.display = 'block';
    await element.updateComplete;
    expect(element.scrollWidth).to.be.at.most(360);
    const region = element.shadowRoot?.querySelector('.table-wrap') as HTMLElement;
    expect(region.getAttribute('tabindex')).to.equal('0');
  });
});
