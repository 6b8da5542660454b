import type { ConformanceReport } from '../types.js';
import { formatExchange } from './text.js';

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 has no place for most control characters, even escaped.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
  );
}

/**
 * The report as JUnit XML, as CI systems (GitLab, Jenkins, GitHub actions) read it: one test
 * suite, a test case per check (`classname` its group), a `<failure>` with the rule, why, and
 * the exchange, `<skipped>` with the reason.
 */
export function toJUnit(report: ConformanceReport): string {
  const { passed, failed, skipped } = report.summary;
  const cases = report.results.map((result) => {
    const group = result.id.split('.')[0] ?? result.id;
    const open = `  <testcase classname="egov-kit.conformance.${escapeXml(group)}" name="${escapeXml(`${result.id} — ${result.titleVi ?? result.title}`)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
    if (result.status === 'pass') return `${open}/>`;
    if (result.status === 'skip') {
      return `${open}>\n    <skipped message="${escapeXml(result.rule ?? '')}"/>\n  </testcase>`;
    }
    const body = [
      `rule: ${result.rule}`,
      `why: ${result.message ?? ''}`,
      `cites: ${result.cites.join('; ')}`,
      ...(result.exchange ? [formatExchange(result.exchange, '')] : []),
    ].join('\n');
    return `${open}>\n    <failure message="${escapeXml(result.rule ?? '')}" type="contract">${escapeXml(body)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="egov-kit conformance" tests="${passed + failed + skipped}" failures="${failed}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `<testsuite name="egov-kit conformance: ${escapeXml(report.baseUrl)}" tests="${passed + failed + skipped}" failures="${failed}" errors="0" skipped="${skipped}" timestamp="${report.startedAt}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
