import type { CheckResult, ConformanceReport, Exchange } from '../types.js';

const MARK = { pass: '✓ ĐẠT / PASS', fail: '✗ KHÔNG ĐẠT / FAIL', skip: '- BỎ QUA / SKIP' } as const;
/** Response headers worth showing; the rest is noise in a report. */
const SHOWN_RESPONSE_HEADERS = [
  'content-type',
  'etag',
  'location',
  'www-authenticate',
  'retry-after',
  'idempotent-replayed',
  'allow',
];

/**
 * What a back end sent, made safe to print: control characters (a terminal's escape sequences
 * among them, which could rewrite the report on screen) become U+FFFD.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
}

/** The request and answer of an exchange, as a reader wants them. */
export function formatExchange(exchange: Exchange, indent = '    '): string {
  const lines: string[] = [];
  const { request, response } = exchange;
  lines.push(`${indent}request / yêu cầu: ${request.method} ${request.url}`);
  for (const [name, value] of Object.entries(request.headers))
    lines.push(`${indent}  ${name}: ${value}`);
  if (request.body !== undefined) lines.push(`${indent}  ${request.body}`);
  if (exchange.error) lines.push(`${indent}answer / trả lời: none — ${exchange.error}`);
  if (response) {
    lines.push(`${indent}answer / trả lời: ${response.status}`);
    for (const name of SHOWN_RESPONSE_HEADERS) {
      const value = response.headers[name];
      if (value !== undefined) lines.push(`${indent}  ${name}: ${value}`);
    }
    if (response.body !== undefined) lines.push(`${indent}  ${response.body}`);
  }
  return printable(lines.join('\n'));
}

function formatResult(result: CheckResult, verbose: boolean): string {
  const lines = [
    `${MARK[result.status]}  ${result.id} — ${result.titleVi ?? result.title} (${Math.round(result.durationMs)} ms)`,
  ];
  if (result.titleVi && (verbose || result.status === 'fail'))
    lines.push(`    (en) ${result.title}`);
  if (result.status === 'skip') {
    if (result.rule) lines.push(`    ${result.rule}`);
    return lines.join('\n');
  }
  if (result.status === 'fail') {
    lines.push(`    rule / quy tắc: ${result.rule}`);
    if (result.message) lines.push(`    why / lý do: ${printable(result.message)}`);
  }
  if (result.status === 'fail' || verbose) {
    lines.push(`    cites / căn cứ: ${result.cites.join('; ')}`);
  }
  if (result.exchange) lines.push(formatExchange(result.exchange));
  return lines.join('\n');
}

/**
 * The human summary: a line per check, and for each failure the rule, why, what the contract
 * says where, and the request and answer that showed it. Ends with `N passed, N failed`.
 */
export function formatSummary(
  report: ConformanceReport,
  options: { verbose?: boolean } = {},
): string {
  const { passed, failed, skipped } = report.summary;
  return [
    `egov-kit conformance — ${report.baseUrl} (${report.startedAt})`,
    '',
    ...report.results.map((r) => formatResult(r, options.verbose ?? false)),
    '',
    ...(report.cleanup
      ? [
          `Dọn dẹp / Cleanup: ${report.cleanup.draftsDeleted} drafts deleted${report.cleanup.draftsLeft ? `, ${report.cleanup.draftsLeft} could not be` : ''}`,
        ]
      : []),
    `${failed === 0 ? 'Đạt hợp đồng / Conforms' : 'Chưa đạt / Does not conform'}: ${passed} passed, ${failed} failed, ${skipped} skipped in ${(report.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
