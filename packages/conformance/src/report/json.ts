import type { ConformanceReport } from '../types.js';

/** The report as JSON (`ConformanceReport`), for programs: every result with its exchange. */
export function toJson(report: ConformanceReport): string {
  return `${JSON.stringify({ kit: '@egov-kit/conformance', ...report }, null, 2)}\n`;
}
