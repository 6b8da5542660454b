import { Problem } from '@egov-kit/schema';
import * as z from 'zod/mini';
import { CheckFailure } from './check-failure.js';
import { CheckSkipped } from './check-skipped.js';
import { type OperationId, RFC9457, type Route, routeName, routeOf } from './cite.js';
import type { ConformanceOptions, Exchange } from './types.js';

/** Who sends a request: one of the tokens the kit was given, a raw value, or nobody. */
export type Caller =
  | 'citizen'
  | 'officer'
  | 'otherCitizen'
  | 'admin'
  | 'expired'
  | 'anonymous'
  | {
      readonly raw: string;
      readonly label: string;
    };

/** A request a check sends. */
export interface Send {
  readonly as?: Caller | undefined;
  /** Path parameters of the route, e.g. `{ id }`. */
  readonly params?: Readonly<Record<string, string>> | undefined;
  readonly query?: Readonly<Record<string, string | number | undefined>> | undefined;
  readonly json?: unknown;
  /** A raw body with its content type, for the checks that send what JSON cannot. */
  readonly raw?: { readonly body: BodyInit; readonly contentType: string; readonly shown: string };
  readonly form?: FormData | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** An answer, with the exchange a report shows. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /**
   * The parsed JSON body, when the answer is JSON. Checks read into it freely: it comes from a
   * foreign back end, and `call()` has held it to the route's schema before a check sees it.
   */
  // biome-ignore lint/suspicious/noExplicitAny: a foreign answer, read after its schema check
  readonly body: any;
  readonly bytes: Uint8Array;
  readonly exchange: Exchange;
}

const SHOWN_BODY = 1_500;
/** No answer of the contract comes near this; a back end that sends more is cut off. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * What a check works with: requests to the back end that record their exchange and hold every
 * answer to the contract's general rules (answers match the route's schema; refusals are
 * problem documents; never a 5xx), and assertions that fail with the rule and the exchange.
 */
export class CheckContext {
  readonly options: ConformanceOptions;
  readonly signal: AbortSignal;
  readonly fixtures: Fixtures;
  /** Requests sent by the current check. */
  requests = 0;
  /** The statuses each operation of the contract answered this check. */
  readonly operations = new Map<string, number[]>();
  readonly #fetch: typeof globalThis.fetch;
  readonly #base: string;

  constructor(options: ConformanceOptions, signal: AbortSignal, fixtures: Fixtures) {
    this.options = options;
    this.signal = signal;
    this.fixtures = fixtures;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#base = options.baseUrl.replace(/\/+$/, '');
  }

  /** The token of a caller; skips the check when the kit was not given it. */
  token(caller: Caller): string | undefined {
    if (caller === 'anonymous') return undefined;
    if (typeof caller === 'object') return caller.raw;
    const token = {
      citizen: this.options.citizenToken,
      officer: this.options.officerToken,
      otherCitizen: this.options.otherCitizenToken,
      admin: this.options.adminToken,
      expired: this.options.expiredToken,
    }[caller];
    if (!token) {
      const option = {
        citizen: '--citizen-token',
        officer: '--officer-token',
        otherCitizen: '--other-citizen-token',
        admin: '--admin-token',
        expired: '--expired-token',
      }[caller];
      throw new CheckSkipped(`needs ${option}`);
    }
    return token;
  }

  /** Calls a route of the contract by its operation id; every answer is held to its rules. */
  async call(operationId: OperationId, send: Send = {}): Promise<Answer> {
    const route = routeOf(operationId);
    let path: string = route.path;
    for (const [name, value] of Object.entries(send.params ?? {}))
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    const answer = await this.send(route.method.toUpperCase(), path, send);
    this.operations.set(operationId, [...(this.operations.get(operationId) ?? []), answer.status]);
    this.#holdToRoute(route, answer);
    return answer;
  }

  /** Sends a request to a path below the base URL, unchecked. */
  async send(method: string, path: string, send: Send = {}): Promise<Answer> {
    const url = new URL(this.#base + path);
    for (const [name, value] of Object.entries(send.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    const headers = new Headers(send.headers);
    const caller = send.as ?? 'anonymous';
    const token = this.token(caller);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    let body: BodyInit | undefined;
    let shown: string | undefined;
    if (send.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(send.json);
      shown = body;
    } else if (send.raw) {
      headers.set('content-type', send.raw.contentType);
      body = send.raw.body;
      shown = send.raw.shown;
    } else if (send.form) {
      body = send.form;
      shown = describeForm(send.form);
    }
    const request: Exchange['request'] = {
      method,
      url: url.toString(),
      headers: shownHeaders(headers, caller),
      ...(shown !== undefined ? { body: excerpt(shown) } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      let response: Response;
      try {
        response = await this.#fetch(url, { method, headers, body, signal: this.signal });
      } catch (error) {
        const exchange: Exchange = { request, error: describeError(error, this.signal) };
        throw new CheckFailure(
          'The back end answers every request (DESIGN.md § The contract (HTTP))',
          `${method} ${url.pathname} got no answer: ${exchange.error}`,
          exchange,
        );
      }
      const bytes = await readCapped(response, MAX_ANSWER_BYTES);
      if (!bytes) {
        const exchange: Exchange = {
          request,
          response: {
            status: response.status,
            headers: Object.fromEntries(response.headers),
            body: `‹more than ${MAX_ANSWER_BYTES} bytes; not read›`,
          },
        };
        throw new CheckFailure(
          'An answer is as large as what it carries: the kit reads at most 16 MiB',
          `${method} ${url.pathname} answered more than ${MAX_ANSWER_BYTES} bytes`,
          exchange,
        );
      }
      const contentType = response.headers.get('content-type') ?? '';
      let parsed: unknown;
      let text: string | undefined;
      if (JSON_TYPE.test(contentType) || (bytes.length > 0 && bytes[0] === 0x7b)) {
        text = new TextDecoder().decode(bytes);
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
      }
      const exchange: Exchange = {
        request,
        response: {
          status: response.status,
          headers: Object.fromEntries(response.headers),
          ...(bytes.length
            ? {
                body:
                  text !== undefined
                    ? excerpt(text)
                    : `‹${bytes.length} bytes${contentType ? `, ${contentType}` : ''}›`,
              }
            : {}),
        },
      };
      const answer: Answer = {
        status: response.status,
        headers: response.headers,
        body: parsed,
        bytes,
        exchange,
      };
      // A rate limit that lifts soon is waited out once: a second run of the kit from the same
      // address must not fail on the lookups of the first.
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 429 && attempt === 0 && retryAfter > 0 && retryAfter <= 65) {
        await sleep(retryAfter * 1000 + 250, this.signal);
        continue;
      }
      if (response.status >= 500) {
        this.fail(
          'A request the contract describes is answered, never with a server error (5xx)',
          `${method} ${url.pathname} answered ${response.status}`,
          answer,
        );
      }
      return answer;
    }
  }

  /**
   * A `fetch` for code that makes its own requests (the published client): counted as the
   * check's, with the last exchange kept for the report.
   */
  recordingFetch(caller: Caller): { fetch: typeof globalThis.fetch; last(): Exchange | undefined } {
    let last: Exchange | undefined;
    const inner = this.#fetch;
    const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      this.requests++;
      const request = new Request(input, init);
      const shown: Exchange['request'] = {
        method: request.method,
        url: request.url,
        headers: shownHeaders(request.headers, caller),
      };
      try {
        const response = await inner(request);
        const text = await response
          .clone()
          .text()
          .catch(() => '');
        last = {
          request: shown,
          response: {
            status: response.status,
            headers: Object.fromEntries(response.headers),
            ...(text ? { body: excerpt(text) } : {}),
          },
        };
        return response;
      } catch (error) {
        last = { request: shown, error: describeError(error, this.signal) };
        throw error;
      }
    };
    return { fetch: recording as typeof globalThis.fetch, last: () => last };
  }

  /** Fails the check: `rule` is broken, `answer` shows it. */
  fail(rule: string, message: string, answer?: Answer | Exchange): never {
    const exchange = answer && 'exchange' in answer ? answer.exchange : answer;
    throw new CheckFailure(rule, message, exchange);
  }

  /** Fails unless `condition`. */
  assert(condition: unknown, rule: string, message: string, answer?: Answer): void {
    if (!condition) this.fail(rule, message, answer);
  }

  /** The answer has one of these statuses. */
  expectStatus(answer: Answer, expected: number | readonly number[], rule: string): void {
    const list = typeof expected === 'number' ? [expected] : expected;
    if (!list.includes(answer.status)) {
      this.fail(
        rule,
        `expected ${list.join(' or ')}, got ${answer.status} from ${answer.exchange.request.method} ${new URL(answer.exchange.request.url).pathname}`,
        answer,
      );
    }
  }

  /**
   * The answer is a problem document of this status (RFC 9457): `application/problem+json`,
   * `type` a URI, `title`, `status` equal to the HTTP status; with `code`, the `type` names it
   * (the client reads the code from the type's last segment, `urn:…:wrong_status`); with
   * `paths`, `errors[]` holds a field error for each.
   */
  expectProblem(
    answer: Answer,
    status: number | readonly number[],
    rule: string,
    expected: { readonly code?: string; readonly paths?: readonly string[] } = {},
  ): void {
    this.expectStatus(answer, status, rule);
    this.#holdProblem(answer);
    if (expected.code !== undefined) {
      const type: string = answer.body.type;
      const named = problemCode(type, answer.status);
      this.assert(
        named === expected.code,
        rule,
        `the problem's type is "${type}" (code "${named}"); the contract's code here is "${expected.code}" (a type ending in :${expected.code} or /${expected.code})`,
        answer,
      );
    }
    for (const path of expected.paths ?? []) {
      const errors: { path: string }[] = answer.body.errors ?? [];
      this.assert(
        errors.some((e) => e.path === path || e.path.startsWith(`${path}.`)),
        rule,
        `errors[] has no field error for "${path}" (it names: ${errors.map((e) => e.path).join(', ') || 'nothing'})`,
        answer,
      );
    }
  }

  /** The answer validates against `schema` (a schema of the contract). */
  expectShape(answer: Answer, schema: z.ZodMiniType, rule: string, name: string): void {
    const parsed = z.safeParse(schema, answer.body);
    if (!parsed.success) {
      this.fail(rule, `the body is not a ${name}: ${describeIssues(parsed.error.issues)}`, answer);
    }
  }

  #holdToRoute(route: Route, answer: Answer): void {
    const name = routeName(route.operationId);
    if (answer.status >= 400) {
      this.#holdProblem(answer);
      return;
    }
    const response = (route.responses as Record<number, { schema?: z.ZodMiniType }>)[answer.status];
    if (!response) {
      if (answer.status >= 300) return;
      this.fail(
        `${name} answers with a status its route lists`,
        `${name} answered ${answer.status}; the contract lists ${Object.keys(route.responses).join(', ')} (and problems)`,
        answer,
      );
    }
    if (response.schema) {
      this.expectShape(
        answer,
        response.schema,
        `${name} answers ${answer.status} with the body its route defines`,
        `${route.operationId} ${answer.status} answer`,
      );
    }
  }

  #holdProblem(answer: Answer): void {
    const rule = `A refusal is a problem document: application/problem+json with type, title and status (${RFC9457})`;
    const contentType = answer.headers.get('content-type') ?? '';
    this.assert(
      contentType.toLowerCase().startsWith('application/problem+json'),
      rule,
      `a ${answer.status} answer with content-type "${contentType}"`,
      answer,
    );
    this.expectShape(answer, Problem, rule, 'Problem');
    this.assert(
      answer.body.status === answer.status,
      rule,
      `the problem says status ${answer.body.status}, the answer is ${answer.status}`,
      answer,
    );
    this.assert(
      /^[a-z][a-z0-9+.-]*:\S+$/i.test(answer.body.type),
      rule,
      `the problem's type "${answer.body.type}" is not a URI`,
      answer,
    );
  }
}

/** The code a problem's type names, as the client reads it (`ApiError.code`). */
export function problemCode(type: string, status: number): string {
  const last = /[:/]([\w-]+)$/.exec(type)?.[1];
  return type === 'about:blank' || !last ? `http_${status}` : last;
}

/** Fixtures every check shares, made once per run through the contract itself. */
export interface Fixtures {
  /** Memoises `make` under `key` for the run. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** The drafts this run created, by id, with who owns them: deleted when the run ends. */
  readonly drafts: Map<string, 'citizen' | 'otherCitizen'>;
}

/** A fresh fixture store for one run. */
export function newFixtures(): Fixtures {
  const made = new Map<string, Promise<unknown>>();
  return {
    drafts: new Map(),
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      let value = made.get(key) as Promise<T> | undefined;
      if (!value) {
        value = make();
        made.set(key, value);
        // A failed fixture is made again by the next check that needs it.
        value.catch(() => made.delete(key));
      }
      return value;
    },
  };
}

/** The body, or `undefined` when it is longer than `limit` (the rest is not read). */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function shownHeaders(headers: Headers, caller: Caller): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of headers) {
    shown[name] =
      name === 'authorization'
        ? `Bearer ‹${typeof caller === 'object' ? caller.label : `${caller} token`}›`
        : value;
  }
  return shown;
}

function describeForm(form: FormData): string {
  const parts: string[] = [];
  for (const [name, value] of form) {
    parts.push(
      typeof value === 'string'
        ? `${name}=${value}`
        : `${name}=${value.name} (${value.size} bytes${value.type ? `, ${value.type}` : ''})`,
    );
  }
  return `multipart/form-data: ${parts.join('; ')}`;
}

function excerpt(text: string): string {
  return text.length > SHOWN_BODY
    ? `${text.slice(0, SHOWN_BODY)}… (${text.length} characters)`
    : text;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function describeError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'the check ran out of time (--timeout)';
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
