/**
 * @egov-kit/conformance — the egov-kit contract's behaviour as a runnable kit.
 *
 * `runConformance()` runs every check (`CHECKS`) against a back end over HTTP, through the
 * contract alone, and reports each rule as passed, failed (with the request and answer that
 * showed it) or skipped; `formatSummary`, `toJUnit` and `toJson` write the report.
 * `startMock()` serves the contract from memory with Vietnamese sample data, for front-end work
 * before a back end exists. The `egov-kit-conformance` CLI does both.
 *
 * @packageDocumentation
 */

export type { Check } from './check.js';
export { CheckFailure, isCheckFailure } from './check-failure.js';
export { CheckSkipped, isCheckSkipped } from './check-skipped.js';
export { CHECKS } from './checks/index.js';
export type { OperationId } from './cite.js';
export { type Answer, type Caller, CheckContext, problemCode, type Send } from './context.js';
export { DEFAULT_PROCEDURE } from './fixtures.js';
export { MockBackEnd } from './mock/mock-back-end.js';
export { type MockOptions, type RunningMock, startMock } from './mock/server.js';
export { toJson } from './report/json.js';
export { toJUnit } from './report/junit.js';
export { formatExchange, formatSummary } from './report/text.js';
export { matchesPattern, runConformance, selectChecks } from './runner.js';
export type {
  CheckResult,
  CheckStatus,
  ConformanceOptions,
  ConformanceReport,
  Exchange,
} from './types.js';
