import type { Queryable } from '../db/database.js';

/** Upper bounds (seconds) of the latency histogram's buckets. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Request metrics in memory, per process, rendered in the Prometheus text format. Labelled by
 * the route's template (`/api/v1/dossiers/:id`), never the raw path: ids would make one series
 * per dossier.
 */
export class Metrics {
  readonly #latency = new Map<string, Series>();
  readonly #started = Date.now();

  /** Records one answered request. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = JSON.stringify([method, route, String(status)]);
    let series = this.#latency.get(key);
    if (!series) {
      series = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.#latency.set(key, series);
    }
    series.counts = series.counts.map((n, i) => (seconds <= (BUCKETS[i] ?? 0) ? n + 1 : n));
    series.sum += seconds;
    series.count += 1;
  }

  /** The exposition text, with dossiers by status counted now from the database. */
  async render(db: Queryable): Promise<string> {
    const lines: string[] = [
      '# HELP egov_http_request_duration_seconds Time to answer an HTTP request.',
      '# TYPE egov_http_request_duration_seconds histogram',
    ];
    for (const [key, series] of this.#latency) {
      const [method, route, status] = JSON.parse(key) as [string, string, string];
      const labels = `method="${method}",route="${label(route)}",status="${status}"`;
      for (const [i, bound] of BUCKETS.entries()) {
        lines.push(
          `egov_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${series.counts[i]}`,
        );
      }
      lines.push(`egov_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${series.count}`);
      lines.push(`egov_http_request_duration_seconds_sum{${labels}} ${series.sum}`);
      lines.push(`egov_http_request_duration_seconds_count{${labels}} ${series.count}`);
    }
    const rows = await db.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from dossiers group by status order by status',
    );
    lines.push('# HELP egov_dossiers Dossiers by status.', '# TYPE egov_dossiers gauge');
    for (const row of rows) lines.push(`egov_dossiers{status="${label(row.status)}"} ${row.n}`);
    lines.push(
      '# HELP egov_process_uptime_seconds Seconds since this process started.',
      '# TYPE egov_process_uptime_seconds gauge',
      `egov_process_uptime_seconds ${(Date.now() - this.#started) / 1000}`,
      '# HELP egov_process_resident_memory_bytes Resident memory of this process.',
      '# TYPE egov_process_resident_memory_bytes gauge',
      `egov_process_resident_memory_bytes ${process.memoryUsage().rss}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
