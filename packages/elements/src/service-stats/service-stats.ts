import type {
  ServiceStatistics,
  ServiceStatisticsQuery,
  ServiceStatisticsRow,
  SurveyDefinition,
} from '@egov-kit/schema';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EgovElement, lazy } from '../base/egov-element.js';
import { intlLocale } from '../base/localization.js';
import { toCsv } from './csv.js';
import { statsMessages as m } from './service-stats.messages.js';
import { statsStyles } from './service-stats.styles.js';

/** The part of `@egov-kit/client`'s `Client` the dashboard calls; a test double fits too. */
export interface StatsClient {
  readonly statistics: {
    services(
      query: Partial<ServiceStatisticsQuery> & { from: string; to: string },
    ): Promise<ServiceStatistics>;
  };
}

/** What the element shows: loading, the figures (`ready`, or `empty` without dossiers), error. */
export type StatsView = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** `detail` of `egov-stats-change`: the query the filters now ask. */
export interface StatsChangeDetail {
  readonly query: ServiceStatisticsQuery;
}

interface StatsEvents {
  'egov-stats-change': StatsChangeDetail;
}

type Grouping = ServiceStatisticsQuery['groupBy'];
type Channel = NonNullable<ServiceStatisticsQuery['channel']>;

const charts = lazy(() => import('./charts.js'));

/**
 * The operations centre's dashboard: received, resolved, on time, late, overdue now and in
 * progress; the on-time rate; mean and 90th-percentile working days; the shares submitted and
 * paid online; anonymous satisfaction scores — per agency, procedure, field or month, with
 * filters. Each chart (loaded lazily, after the table) has a table of the same numbers beside
 * it; the table exports to CSV (UTF-8 with a byte-order mark, for Excel) and prints.
 *
 * Give it a `client` (`createClient()` of `@egov-kit/client` with an officer's or an
 * administrator's token) and it loads `GET /statistics/services` itself; or set `data`.
 *
 * @tag egov-service-stats
 * @event egov-stats-change - The filters were applied (`detail`: {@link StatsChangeDetail}).
 * @csspart filters - The filter form.
 * @csspart summary - The headline figures.
 * @csspart table - The table of every figure.
 * @csspart chart - The box of the charts.
 */
export class EgovServiceStats extends EgovElement<StatsEvents> {
  static override styles = statsStyles;

  /** Loads through it: `createClient()` of `@egov-kit/client`, or anything that fits. */
  @property({ attribute: false }) client: StatsClient | null = null;
  /** The figures shown (loaded through `client`, or set). */
  @property({ attribute: false }) data: ServiceStatistics | null = null;
  /** Agencies an administrator may choose from; none: no agency filter is offered. */
  @property({ attribute: false }) agencies: readonly { code: string; name: string }[] = [];
  /** The survey, for the criteria's names when the figures do not carry them. */
  @property({ attribute: false }) survey: SurveyDefinition | null = null;

  /** First day received, `YYYY-MM-DD`; the first of this year by default. */
  @property() from = `${new Date().getFullYear()}-01-01`;
  /** Last day received, `YYYY-MM-DD`; today by default. */
  @property() to = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  @property({ attribute: 'group-by' }) groupBy: Grouping = 'month';
  @property() channel: Channel | '' = '';
  @property({ attribute: 'agency-code' }) agencyCode = '';
  @property({ attribute: 'procedure-code' }) procedureCode = '';
  @property() field = '';

  @state() private current: StatsView = 'idle';
  @state() private chartsReady = false;

  /** What the element shows now. */
  get view(): StatsView {
    return this.current;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') && this.client) void this.load();
    if (changed.has('data')) {
      this.current = !this.data ? this.current : this.data.total.received ? 'ready' : 'empty';
    }
  }

  protected override updated(): void {
    if (this.current === 'ready' && !this.chartsReady) {
      charts.load().then(
        () => {
          this.chartsReady = true;
        },
        () => {},
      );
    }
  }

  /** The query the filters ask. */
  get query(): ServiceStatisticsQuery {
    return {
      from: this.from,
      to: this.to,
      groupBy: this.groupBy,
      ...(this.channel ? { channel: this.channel } : {}),
      ...(this.agencyCode ? { agencyCode: this.agencyCode } : {}),
      ...(this.procedureCode ? { procedureCode: this.procedureCode } : {}),
      ...(this.field ? { field: this.field } : {}),
    };
  }

  /** Loads the figures for the current filters through `client`. */
  async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.current = 'loading';
    try {
      this.data = await client.statistics.services(this.query);
      this.current = this.data.total.received ? 'ready' : 'empty';
    } catch {
      this.current = 'error';
    }
  }

  private onApply = (event: Event): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const read = (name: string) => String(values.get(name) ?? '');
    this.from = read('from') || this.from;
    this.to = read('to') || this.to;
    this.groupBy = (read('groupBy') || 'month') as Grouping;
    this.channel = read('channel') as Channel | '';
    if (this.agencies.length) this.agencyCode = read('agencyCode');
    this.emit('egov-stats-change', { query: this.query });
    void this.load();
  };

  private number(value: number | null, digits = 0): string {
    if (value === null || value === undefined) return this.localize(m.none);
    return new Intl.NumberFormat(intlLocale(this.locale), {
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
    }).format(value);
  }

  private percent(value: number | null): string {
    if (value === null || value === undefined) return this.localize(m.none);
    return new Intl.NumberFormat(intlLocale(this.locale), {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(value);
  }

  private score(row: ServiceStatisticsRow): string {
    const s = row.satisfaction;
    if (s.suppressed) return this.localize(m.withheld);
    return this.number(s.average, 2);
  }

  private criterionName(code: string): string {
    const criteria = this.data?.criteria ?? this.survey?.criteria ?? [];
    const criterion = criteria.find((c) => c.code === code);
    return criterion ? this.localize(criterion.label) : code;
  }

  /** The table's columns: header and cell, the one definition the table and the CSV share. */
  private columns(): {
    head: string;
    cell: (r: ServiceStatisticsRow) => string | number | null;
    csv?: (r: ServiceStatisticsRow) => string | number | null;
  }[] {
    return [
      {
        head: this.localize(m.received),
        cell: (r) => this.number(r.received),
        csv: (r) => r.received,
      },
      {
        head: this.localize(m.resolved),
        cell: (r) => this.number(r.resolved),
        csv: (r) => r.resolved,
      },
      {
        head: this.localize(m.onTime),
        cell: (r) => this.number(r.resolvedOnTime),
        csv: (r) => r.resolvedOnTime,
      },
      {
        head: this.localize(m.late),
        cell: (r) => this.number(r.resolvedLate),
        csv: (r) => r.resolvedLate,
      },
      {
        head: this.localize(m.inProgress),
        cell: (r) => this.number(r.inProgress),
        csv: (r) => r.inProgress,
      },
      {
        head: this.localize(m.overdueNow),
        cell: (r) => this.number(r.overdueNow),
        csv: (r) => r.overdueNow,
      },
      {
        head: this.localize(m.onTimeRate),
        cell: (r) => this.percent(r.onTimeRate),
        csv: (r) => r.onTimeRate,
      },
      {
        head: this.localize(m.averageDays),
        cell: (r) => this.number(r.averageWorkingDays, 1),
        csv: (r) => r.averageWorkingDays,
      },
      {
        head: this.localize(m.p90Days),
        cell: (r) => this.number(r.p90WorkingDays, 1),
        csv: (r) => r.p90WorkingDays,
      },
      {
        head: this.localize(m.onlineShare),
        cell: (r) => this.percent(r.onlineShare),
        csv: (r) => r.onlineShare,
      },
      {
        head: this.localize(m.paidOnlineShare),
        cell: (r) => this.percent(r.paidOnlineShare),
        csv: (r) => r.paidOnlineShare,
      },
      {
        head: this.localize(m.responses),
        cell: (r) => this.number(r.satisfaction.responses),
        csv: (r) => r.satisfaction.responses,
      },
      {
        head: this.localize(m.satisfaction),
        cell: (r) => this.score(r),
        csv: (r) => (r.satisfaction.suppressed ? null : r.satisfaction.average),
      },
    ];
  }

  /** The table as CSV text (what the download button saves). */
  csv(): string {
    const data = this.data;
    if (!data) return toCsv([]);
    const columns = this.columns();
    const head = [this.localize(m.group), ...columns.map((c) => c.head)];
    const line = (row: ServiceStatisticsRow, name: string) => [
      name,
      ...columns.map((c) => (c.csv ?? c.cell)(row)),
    ];
    return toCsv([
      head,
      ...data.rows.map((row) => line(row, row.name || row.key)),
      line(data.total, this.localize(m.total)),
    ]);
  }

  private download = (): void => {
    const blob = new Blob([this.csv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `thong-ke-${this.from}-${this.to}-${this.groupBy}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  override render() {
    return html`<section aria-labelledby="title" aria-busy=${this.current === 'loading'}>
      <h2 id="title">${this.localize(m.title)}</h2>
      ${this.filters()}
      <div aria-live="polite">${this.body()}</div>
    </section>`;
  }

  private filters(): TemplateResult {
    const option = (value: string, label: string, selected: string) =>
      html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
    return html`<form part="filters" class="filters" @submit=${this.onApply}>
      <fieldset>
        <legend>${this.localize(m.filters)}</legend>
        <label>${this.localize(m.from)}<input type="date" name="from" required .value=${this.from} /></label>
        <label>${this.localize(m.to)}<input type="date" name="to" required .value=${this.to} /></label>
        <label>${this.localize(m.groupBy)}
          <select name="groupBy">
            ${option('month', this.localize(m.byMonth), this.groupBy)}
            ${option('agency', this.localize(m.byAgency), this.groupBy)}
            ${option('procedure', this.localize(m.byProcedure), this.groupBy)}
            ${option('field', this.localize(m.byField), this.groupBy)}
          </select>
        </label>
        <label>${this.localize(m.channel)}
          <select name="channel">
            ${option('', this.localize(m.anyChannel), this.channel)}
            ${option('online', this.localize(m.online), this.channel)}
            ${option('in_person', this.localize(m.inPerson), this.channel)}
            ${option('postal', this.localize(m.postal), this.channel)}
          </select>
        </label>
        ${
          this.agencies.length
            ? html`<label>${this.localize(m.agency)}
              <select name="agencyCode">
                ${option('', this.localize(m.anyAgency), this.agencyCode)}
                ${this.agencies.map((a) => option(a.code, a.name, this.agencyCode))}
              </select>
            </label>`
            : nothing
        }
        <button class="primary" type="submit">${this.localize(m.apply)}</button>
      </fieldset>
    </form>`;
  }

  private body() {
    switch (this.current) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p role="status" class="muted">${this.localize(m.loading)}</p>`;
      case 'error':
        return html`<div class="message problem" role="alert">
          <p>${this.localize(m.error)}</p>
          <button type="button" @click=${() => void this.load()}>${this.localize(m.retry)}</button>
        </div>`;
      case 'empty':
        return html`<p class="message">${this.localize(m.empty)}</p>`;
      case 'ready':
        return this.figures();
    }
  }

  private figures() {
    const data = this.data as ServiceStatistics;
    const total = data.total;
    const card = (label: string, value: string) =>
      html`<div class="card"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<dl part="summary" class="summary">
        ${card(this.localize(m.received), this.number(total.received))}
        ${card(this.localize(m.resolved), this.number(total.resolved))}
        ${card(this.localize(m.onTimeRate), this.percent(total.onTimeRate))}
        ${card(this.localize(m.overdueNow), this.number(total.overdueNow))}
        ${card(this.localize(m.inProgress), this.number(total.inProgress))}
        ${card(this.localize(m.averageDays), this.number(total.averageWorkingDays, 1))}
        ${card(this.localize(m.p90Days), this.number(total.p90WorkingDays, 1))}
        ${card(this.localize(m.onlineShare), this.percent(total.onlineShare))}
        ${card(this.localize(m.paidOnlineShare), this.percent(total.paidOnlineShare))}
        ${card(this.localize(m.satisfaction), this.score(total))}
      </dl>
      <div class="tools">
        <button type="button" @click=${this.download}>${this.localize(m.csv)}</button>
        <button type="button" @click=${() => window.print()}>${this.localize(m.print)}</button>
      </div>
      <div class="pair stacked">
        <div part="chart" class="chart-box">${this.outcomeChart()}</div>
        ${this.table()}
      </div>
      ${this.satisfactionPair()}
      <p class="muted">${this.localize(m.withheldNote(data.minGroupSize))}</p>
      <p class="muted">${this.localize(m.generated(this.date(data.generatedAt)))}</p>`;
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    }).format(new Date(iso));
  }

  private outcomeChart() {
    const module = charts.value;
    if (!module) return html`<p class="muted">${this.localize(m.chartLoading)}</p>`;
    const data = this.data as ServiceStatistics;
    return html`${module.outcomeChart(
      data.rows.map((r) => ({
        label: r.name || r.key,
        onTime: r.resolvedOnTime,
        late: r.resolvedLate,
        open: r.inProgress,
      })),
      {
        title: this.localize(m.chartProcessing),
        onTime: this.localize(m.onTime),
        late: this.localize(m.late),
        open: this.localize(m.inProgress),
      },
      (n) => this.number(n),
    )}
      <p class="muted">${this.localize(m.chartNote)}</p>`;
  }

  private table() {
    const data = this.data as ServiceStatistics;
    const columns = this.columns();
    const row = (
      r: ServiceStatisticsRow,
      name: string,
      total = false,
    ) => html`<tr class=${total ? 'total' : ''}>
      <th scope="row">${name}</th>
      ${columns.map((c) => html`<td>${c.cell(r)}</td>`)}
    </tr>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="table-caption" tabindex="0">
      <table part="table">
        <caption id="table-caption">${this.localize(m.table)}</caption>
        <thead>
          <tr>
            <th scope="col">${this.localize(m.group)}</th>
            ${columns.map((c) => html`<th scope="col">${c.head}</th>`)}
          </tr>
        </thead>
        <tbody>${data.rows.map((r) => row(r, r.name || r.key))}</tbody>
        <tfoot>${row(data.total, this.localize(m.total), true)}</tfoot>
      </table>
    </div>`;
  }

  private satisfactionPair() {
    const total = (this.data as ServiceStatistics).total.satisfaction;
    if (total.suppressed || !total.criteria.length) return nothing;
    const module = charts.value;
    const scores = total.criteria.map((c) => ({
      label: this.criterionName(c.criterion),
      average: c.average,
    }));
    return html`<div class="pair">
      <div part="chart" class="chart-box">
        ${
          module
            ? module.scoreChart(scores, this.localize(m.chartSatisfaction), (n) =>
                this.number(n, 2),
              )
            : html`<p class="muted">${this.localize(m.chartLoading)}</p>`
        }
      </div>
      <div class="table-wrap" role="region" aria-labelledby="scores-caption" tabindex="0">
        <table>
          <caption id="scores-caption">${this.localize(m.chartSatisfaction)}</caption>
          <thead><tr><th scope="col">${this.localize(m.criterion)}</th><th scope="col">${this.localize(m.satisfaction)}</th></tr></thead>
          <tbody>
            ${scores.map((s) => html`<tr><th scope="row">${s.label}</th><td>${this.number(s.average, 2)}</td></tr>`)}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}
