import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKS } from './checks/index.js';
import { startMock } from './mock/server.js';
import { toJson } from './report/json.js';
import { toJUnit } from './report/junit.js';
import { formatSummary } from './report/text.js';
import { runConformance, selectChecks } from './runner.js';

const HELP = `egov-kit-conformance — kiểm tra một hệ thống có tuân thủ hợp đồng egov-kit
                         checks that a back end speaks the egov-kit contract

Usage:
  egov-kit-conformance --base-url <url> --citizen-token <jwt> --officer-token <jwt> [options]
  egov-kit-conformance mock [--port 4010] [--host 127.0.0.1]
  egov-kit-conformance --list

Tokens (or their environment variables, which keep them out of shell history and CI logs):
  --citizen-token <jwt>        EGOV_CITIZEN_TOKEN        a citizen: files the kit's dossiers
  --officer-token <jwt>        EGOV_OFFICER_TOKEN        an officer of the agency they reach
  --other-citizen-token <jwt>  EGOV_OTHER_CITIZEN_TOKEN  a second citizen (cross-owner checks)
  --admin-token <jwt>          EGOV_ADMIN_TOKEN          an administrator (notification outbox)
  --expired-token <jwt>        EGOV_EXPIRED_TOKEN        an expired token of your identity provider

Options:
  --base-url <url>             the API, with its /api/v1 (EGOV_BASE_URL)
  --procedure <code>           the procedure to file for (default 1.013133)
  --province <code>            the applicant's province (default 48, Đà Nẵng)
  --commune <code>             the applicant's commune (default 20242, Phường Hải Châu)
  --files-per-dossier <n>      the back end's dossier_file_limit (checks it; skipped unless set)
  --only <ids>                 run only these checks (comma-separated; globs: uploads.*)
  --skip <ids>                 leave these out
  --timeout <seconds>          per check (default 60)
  --junit <file>               also write JUnit XML
  --json <file>                also write the report as JSON
  --verbose                    show the citations of passed checks too
  --list                       list the checks and what they cite

Exit code: 0 when every selected check passes, 1 when one fails, 2 on a usage error.
`;

/** Where the CLI reads and writes: the process by default, captured in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY?: boolean | undefined;
}

/** A usage error: exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

function fail(message: string): never {
  throw new UsageError(message);
}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Runs the CLI: `mock` starts the mock back end (and resolves only when it stops), otherwise
 * the kit runs against `--base-url`. Resolves to the exit code: 0 all selected checks passed,
 * 1 one failed, 2 a usage error.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stderr.isTTY,
  };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'mock') {
    const { values } = parseArgs({
      args: argv.slice(1) as string[],
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: ${values.port}`);
    const mock = await startMock({ port, host: values.host });
    io.stdout(
      [
        `Mock egov-kit back end: ${mock.url}/api/v1 (dữ liệu mẫu / sample data, in memory)`,
        'Tokens (Authorization: Bearer …):',
        ...Object.entries(mock.tokens).map(([who, token]) => `  ${who.padEnd(13)} ${token}`),
        '',
      ].join('\n'),
    );
    return new Promise<number>((resolve) => {
      const stop = () => void mock.close().then(() => resolve(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  }
  let parsed: ReturnType<typeof parse> | undefined;
  try {
    parsed = parse(argv);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const only = list(values.only);
  const skip = list(values.skip);
  if (values.list) {
    for (const check of selectChecks({ only, skip }).run) {
      io.stdout(`${check.id}\n  ${check.title}\n  ${check.cites.join('\n  ')}\n`);
    }
    return 0;
  }
  const env = io.env;
  const baseUrl = values['base-url'] ?? env.EGOV_BASE_URL;
  if (!baseUrl) fail('--base-url is required');
  try {
    new URL(baseUrl);
  } catch {
    fail(`--base-url is not a URL: ${baseUrl}`);
  }
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive whole number: ${value}`);
    return n;
  };
  const unknownIds = [...only, ...skip].filter(
    (p) => !p.includes('*') && !CHECKS.some((c) => c.id === p),
  );
  if (unknownIds.length) fail(`no such check: ${unknownIds.join(', ')} (see --list)`);
  const timeout = number('timeout', values.timeout);
  const report = await runConformance({
    baseUrl,
    citizenToken: values['citizen-token'] ?? env.EGOV_CITIZEN_TOKEN,
    officerToken: values['officer-token'] ?? env.EGOV_OFFICER_TOKEN,
    otherCitizenToken: values['other-citizen-token'] ?? env.EGOV_OTHER_CITIZEN_TOKEN,
    adminToken: values['admin-token'] ?? env.EGOV_ADMIN_TOKEN,
    expiredToken: values['expired-token'] ?? env.EGOV_EXPIRED_TOKEN,
    procedureCode: values.procedure,
    provinceCode: values.province,
    communeCode: values.commune,
    filesPerDossier: number('files-per-dossier', values['files-per-dossier']),
    only,
    skip,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    onResult: (result) => {
      if (process.stderr.isTTY)
        process.stderr.write(
          `${result.status === 'pass' ? '.' : result.status === 'fail' ? 'F' : 's'}`,
        );
    },
  });
  if (io.isTTY) io.stderr('\n');
  io.stdout(`${formatSummary(report, { verbose: values.verbose ?? false })}\n`);
  for (const [path, text] of [
    [values.junit, () => toJUnit(report)],
    [values.json, () => toJson(report)],
  ] as const) {
    if (!path) continue;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text());
  }
  return report.summary.failed === 0 ? 0 : 1;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    options: {
      'base-url': { type: 'string' },
      'citizen-token': { type: 'string' },
      'officer-token': { type: 'string' },
      'other-citizen-token': { type: 'string' },
      'admin-token': { type: 'string' },
      'expired-token': { type: 'string' },
      procedure: { type: 'string' },
      province: { type: 'string' },
      commune: { type: 'string' },
      'files-per-dossier': { type: 'string' },
      only: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      junit: { type: 'string' },
      json: { type: 'string' },
      verbose: { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
