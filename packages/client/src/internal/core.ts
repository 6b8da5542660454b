import type { FieldError, Locale, Problem } from '@egov-kit/schema';
import ky, { HTTPError, type Options as KyOptions, TimeoutError as KyTimeoutError } from 'ky';
import type * as z from 'zod/mini';
import { ApiError, type ApiErrorInit } from '../errors/api-error.js';
import { ConflictError } from '../errors/conflict-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { ClientHooks, ClientOptions, RequestOptions, RetryOptions } from '../options.js';
import { answerValidator } from './answer-validator.js';
import { EtagStore } from './etags.js';
import { httpStatusMessage } from './messages.js';
import type { Operation } from './operations.js';
import { retryAfterMs } from './retry-after.js';
import { type ProgressSink, xhrFetch } from './xhr-fetch.js';

/** One call of an operation, as a resource describes it. */
export interface Call<T = unknown> {
  readonly op: Operation;
  /** Values of the path's `{placeholders}`. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: object | undefined;
  readonly json?: unknown;
  readonly form?: FormData;
  /** The answer's schema, loaded on first use (its module is a separate chunk). */
  readonly schema?: () => Promise<z.ZodMiniType<T>>;
  readonly options?: RequestOptions | undefined;
  readonly idempotencyKey?: string | undefined;
  readonly ifMatch?: string | undefined;
  /** Send the bearer token; by default when the route is not public. */
  readonly auth?: boolean;
  readonly accept?: string;
  /** The least time limit this operation gets by default (uploads take long). */
  readonly minTimeout?: number;
  readonly onUploadProgress?: ProgressSink;
}

/** A parsed, checked answer. */
export interface Result<T> {
  readonly data: T;
  readonly response: Response;
}

/** Statuses worth another attempt: the server (or a proxy) may answer differently soon. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Statuses whose Retry-After is honoured. */
const RETRY_AFTER_STATUSES = [429, 503];

/**
 * The request core every resource calls: it builds the request from the operation, resolves the
 * token, sends through ky with the retry policy, refreshes the token once on a 401, turns every
 * failure into the client's typed errors, and checks answers against the contract.
 *
 * Retries (ky's): only for requests that may be repeated safely — GETs, and POSTs that carry an
 * Idempotency-Key (the key is a header of the request, so every retry repeats it and the server
 * does the work once). A PATCH, or any other request, is sent once.
 */
export class Core {
  /** The ETags seen, per dossier. */
  readonly etags = new EtagStore();
  readonly #base: string;
  readonly #getToken: ClientOptions['getToken'];
  readonly #fetch: typeof fetch | undefined;
  readonly #timeout: number | false;
  readonly #retry: Required<RetryOptions>;
  readonly #validate: boolean;
  readonly #locale: ClientOptions['locale'];
  readonly #hooks: KyOptions['hooks'];
  readonly #retryByMethod = new Map<string, KyOptions['retry']>();
  /** Errors thrown by the caller's hooks: never retried, never wrapped. */
  readonly #hookErrors = new WeakSet<object>();

  constructor(options: ClientOptions) {
    this.#base = resolveBase(options.baseUrl);
    this.#getToken = options.getToken;
    this.#fetch = options.fetch;
    this.#timeout = options.timeout ?? 10_000;
    const retry = typeof options.retry === 'object' ? options.retry : {};
    this.#retry = {
      limit:
        options.retry === false
          ? 0
          : typeof options.retry === 'number'
            ? options.retry
            : (retry.limit ?? 2),
      delay: retry.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
      backoffLimit: retry.backoffLimit ?? 8_000,
      maxRetryAfter: retry.maxRetryAfter ?? 10_000,
      jitter: retry.jitter ?? true,
    };
    this.#validate = options.validate ?? true;
    this.#locale = options.locale;
    this.#hooks = this.#kyHooks(options.hooks ?? {});
  }

  /** The language of this call's messages. */
  locale(): Locale {
    const locale = typeof this.#locale === 'function' ? this.#locale() : this.#locale;
    return locale === 'en' ? 'en' : 'vi';
  }

  /** Sends a call and returns its JSON answer, checked against the contract unless switched off. */
  async send<T>(call: Call<T>): Promise<Result<T>> {
    // Start loading the schema while the request is on its way: by the answer it is there.
    const schema = this.#validate && call.schema ? call.schema() : undefined;
    schema?.catch(() => undefined);
    const { body: text, response } = await this.receive(call, (r) => r.text());
    let data: unknown;
    try {
      data = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ResponseValidationError({
        operation: call.op.id,
        status: response.status,
        locale: this.locale(),
        issues: [
          {
            code: 'custom',
            path: [],
            message: 'The answer is not JSON.',
            input: text.slice(0, 200),
          },
        ],
      });
    }
    if (schema) {
      let loaded: z.ZodMiniType<T>;
      try {
        loaded = await schema;
      } catch (cause) {
        // The validators chunk did not load (offline): the request may have done its work,
        // which is exactly what a NetworkError says.
        throw new NetworkError({ operation: call.op.id, locale: this.locale(), cause });
      }
      const result = answerValidator(loaded).safeParse(data);
      if (!result.success) {
        throw new ResponseValidationError({
          operation: call.op.id,
          status: response.status,
          locale: this.locale(),
          issues: result.error.issues,
        });
      }
      data = result.data;
    }
    return { data: data as T, response };
  }

  /**
   * Sends a call and reads its answer's body with `read`. A connection that breaks while the
   * body arrives is a network error like any other: a request that may be retried is sent
   * again (ky's retries end with the headers), else it is a NetworkError.
   */
  async receive<Body>(
    call: Call<unknown>,
    read: (response: Response) => Promise<Body>,
  ): Promise<{ readonly body: Body; readonly response: Response }> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.fetch(call);
      try {
        return { body: await read(response), response };
      } catch (cause) {
        const signal = call.options?.signal;
        if (signal?.aborted) throw signal.reason ?? cause;
        if (!retriable(call) || attempt >= this.#retry.limit) {
          throw new NetworkError({ operation: call.op.id, locale: this.locale(), cause });
        }
      }
    }
  }

  /** Sends a call and returns the successful response, its body not read yet. */
  async fetch(call: Call<unknown>): Promise<Response> {
    const url = this.#url(call.op.path, call.params);
    const locale = this.locale();
    // A plain record, not a Headers object: ky makes the one Headers of the request from it
    // (copying a Headers into another on every request was a measurable share of the client's cost).
    const headers = headerRecord(call.options?.headers);
    headers.accept = call.accept ?? 'application/json';
    headers['accept-language'] = locale;
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    if (call.ifMatch !== undefined) headers['if-match'] = call.ifMatch;
    const auth = call.auth ?? call.op.auth !== 'public';
    const signal = call.options?.signal;
    let token = auth ? await this.#token(false) : undefined;
    for (let refreshed = false; ; refreshed = true) {
      if (token) headers.authorization = `Bearer ${token}`;
      else delete headers.authorization;
      const progress = call.onUploadProgress;
      const coarse = progress && uploadMode(this.#fetch) === 'coarse';
      const size = coarse ? ((call.form?.get('file') as Blob | null)?.size ?? 0) : 0;
      if (coarse) progress(0, size);
      try {
        const response = await this.#send(url, call, headers);
        if (coarse) progress(size, size);
        return response;
      } catch (error) {
        const unauthorized =
          error instanceof HTTPError && error.response.status === 401 && !signal?.aborted;
        if (unauthorized && auth && !refreshed && this.#getToken) {
          const fresh = await this.#token(true);
          if (fresh) {
            token = fresh;
            continue;
          }
        }
        throw await this.#convert(error, call, locale);
      }
    }
  }

  /**
   * One call through ky, whose rules — timeout, which answers and errors are retried, the delays,
   * Retry-After — are the client's. A plain GET (no hooks, no fetch of the caller's) tries its
   * first attempt with `fetch` itself: ky builds, clones and wraps a Request on every call, which
   * was most of what the client cost over a bare `fetch`. An answer that is not a success, a
   * network error or a timeout of that attempt goes to ky as its own first attempt (a
   * `beforeRequest` hook replays it), so that ky decides what follows exactly as before: the
   * retries, their delays, and the error thrown.
   */
  async #send(
    url: string,
    call: Call<unknown>,
    headers: Record<string, string>,
  ): Promise<Response> {
    const options = this.#kyOptions(call, headers);
    if (!this.#fastPath(call)) return ky(url, options);
    const first = await this.#firstAttempt(url, options, headers);
    if ('response' in first && first.response.ok) return first.response;
    let replayed = false;
    const replay = () => {
      if (replayed) return undefined;
      replayed = true;
      if ('error' in first) throw first.error;
      return first.response;
    };
    return ky(url, { ...options, hooks: { beforeRequest: [replay] } });
  }

  /** GETs with nothing of the caller's in the way; the runtime has AbortSignal.any where needed. */
  #fastPath(call: Call<unknown>): boolean {
    return (
      call.op.method === 'get' &&
      !this.#hooks &&
      !this.#fetch &&
      !call.onUploadProgress &&
      call.json === undefined &&
      !call.form &&
      (!call.options?.signal || typeof AbortSignal.any === 'function')
    );
  }

  /**
   * The first attempt of a plain GET with `fetch`: its response, or what it threw. A timeout is
   * ky's TimeoutError, measured as ky does, until the answer's headers arrive; an abort by the
   * caller is thrown at once.
   */
  async #firstAttempt(
    url: string,
    options: KyOptions,
    headers: Record<string, string>,
  ): Promise<{ response: Response } | { error: unknown }> {
    const query = options.searchParams ? String(options.searchParams) : '';
    const target = query ? `${url}?${query}` : url;
    const caller = options.signal ?? undefined;
    const timeout = typeof options.timeout === 'number' ? options.timeout : undefined;
    const timer = timeout === undefined ? undefined : new AbortController();
    const signal =
      caller && timer ? AbortSignal.any([caller, timer.signal]) : (caller ?? timer?.signal);
    const id = timer && setTimeout(() => timer.abort(), timeout);
    try {
      const init: RequestInit = { method: 'GET', headers };
      if (signal) init.signal = signal;
      return { response: await fetch(target, init) };
    } catch (error) {
      if (caller?.aborted) throw caller.reason ?? error;
      if (timer?.signal.aborted) {
        return { error: new KyTimeoutError(new Request(target, { method: 'GET', headers })) };
      }
      return { error };
    } finally {
      clearTimeout(id);
    }
  }

  async #token(refresh: boolean): Promise<string | undefined> {
    return (await this.#getToken?.({ refresh })) || undefined;
  }

  #url(path: string, params: Readonly<Record<string, string>> = {}): string {
    return (
      this.#base +
      path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = params[name];
        if (typeof value !== 'string' || value === '') {
          throw new TypeError(`@egov-kit/client: "${name}" must be a non-empty string.`);
        }
        return encodeURIComponent(value);
      })
    );
  }

  #kyOptions(call: Call<unknown>, headers: Record<string, string>): KyOptions {
    const signal = call.options?.signal;
    const options: KyOptions = {
      method: call.op.method,
      headers,
      timeout: this.#timeoutOf(call),
      retry: retriable(call) ? this.#retryFor(call.op.method, signal) : 0,
      throwHttpErrors: true,
    };
    if (this.#hooks) options.hooks = this.#hooks;
    if (this.#fetch) options.fetch = this.#fetch;
    if (signal) options.signal = signal;
    if (call.json !== undefined) options.json = call.json;
    if (call.form) options.body = call.form;
    if (call.query) options.searchParams = searchParams(call.query);
    const progress = call.onUploadProgress;
    if (progress) {
      const mode = uploadMode(this.#fetch);
      if (mode === 'xhr') options.fetch = xhrFetch(progress);
      if (mode === 'stream')
        options.onUploadProgress = ({ transferredBytes, totalBytes }) =>
          progress(transferredBytes, totalBytes);
    }
    return options;
  }

  #timeoutOf(call: Call<unknown>): number | false {
    const own = call.options?.timeout;
    if (own !== undefined) return own;
    if (this.#timeout === false || call.minTimeout === undefined) return this.#timeout;
    return Math.max(this.#timeout, call.minTimeout);
  }

  #retryFor(method: string, signal: AbortSignal | undefined): KyOptions['retry'] {
    // The same options for every call of a method without a signal: made once.
    if (!signal) {
      const shared = this.#retryByMethod.get(method) ?? this.#makeRetry(method, undefined);
      this.#retryByMethod.set(method, shared);
      return shared;
    }
    return this.#makeRetry(method, signal);
  }

  #makeRetry(method: string, signal: AbortSignal | undefined): KyOptions['retry'] {
    const { limit, delay, backoffLimit, maxRetryAfter, jitter } = this.#retry;
    return {
      limit,
      methods: [method],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: RETRY_AFTER_STATUSES,
      maxRetryAfter,
      backoffLimit,
      delay,
      jitter: jitter || undefined,
      retryOnTimeout: true,
      shouldRetry: ({ error }) => {
        if (signal?.aborted || this.#hookErrors.has(error)) return false;
        if (error instanceof HTTPError) {
          const wait = retryAfterMs(error.response.headers.get('retry-after'));
          // Asked to wait longer than we would: let the caller decide, with `retryAfter`.
          if (wait !== undefined && wait > maxRetryAfter) return false;
        }
        return undefined; // ky's rules: the status list, Retry-After, timeouts, network errors
      },
    };
  }

  #kyHooks(hooks: ClientHooks): KyOptions['hooks'] {
    const { beforeRequest, afterResponse, beforeRetry } = hooks;
    // None given: none passed, so ky has nothing to merge on every request.
    if (!beforeRequest && !afterResponse && !beforeRetry) return undefined;
    return {
      beforeRequest: beforeRequest ? [(request) => this.#guard(() => beforeRequest(request))] : [],
      afterResponse: afterResponse
        ? [
            (request: Request, _options: unknown, response: Response) =>
              this.#guard(() => afterResponse(response, request)),
          ]
        : [],
      beforeRetry: beforeRetry
        ? [
            ({ request, error, retryCount }) =>
              this.#guard(() =>
                beforeRetry({
                  request,
                  attempt: retryCount,
                  error,
                  response: error instanceof HTTPError ? error.response : undefined,
                }),
              ),
          ]
        : [],
    };
  }

  async #guard(hook: () => void | Promise<void>): Promise<void> {
    try {
      await hook();
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.#hookErrors.add(error);
      throw error;
    }
  }

  async #convert(error: unknown, call: Call<unknown>, locale: Locale): Promise<unknown> {
    const signal = call.options?.signal;
    if (signal?.aborted) return signal.reason ?? error;
    if (typeof error === 'object' && error !== null && this.#hookErrors.has(error)) return error;
    const operation = call.op.id;
    if (error instanceof HTTPError) return this.#apiError(error.response, call, locale);
    if (error instanceof KyTimeoutError) {
      const timeout = this.#timeoutOf(call) || 0;
      return new TimeoutError({ operation, locale, timeout, cause: error });
    }
    return new NetworkError({ operation, locale, cause: error });
  }

  async #apiError(response: Response, call: Call<unknown>, locale: Locale): Promise<ApiError> {
    let problem: Problem | undefined;
    if (/json/i.test(response.headers.get('content-type') ?? '')) {
      try {
        problem = asProblem(await response.json());
      } catch {
        // not JSON after all: the status speaks for itself
      }
    }
    const wait = retryAfterMs(response.headers.get('retry-after'));
    const init: ApiErrorInit = {
      status: response.status,
      problem,
      fallbackMessage: httpStatusMessage(response.status)[locale],
      operation: call.op.id,
      retryAfter: wait === undefined ? undefined : Math.ceil(wait / 1000),
      headers: response.headers,
    };
    return response.status === 412
      ? new ConflictError({ ...init, resourceId: call.params?.id })
      : new ApiError(init);
  }
}

/**
 * Whether a call may be sent again: a GET, or a POST carrying an Idempotency-Key (the server
 * answers a repeat with the first result). Never a PATCH: repeating a change whose answer was
 * lost would meet a 412, or overwrite.
 */
function retriable(call: Call<unknown>): boolean {
  return call.op.method === 'get' || call.idempotencyKey !== undefined;
}

/** A problem+json body, or `undefined` when the body is not one; malformed field errors dropped. */
function asProblem(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = body as Record<string, unknown>;
  if (typeof value.title !== 'string' || typeof value.status !== 'number') return undefined;
  const errors = Array.isArray(value.errors)
    ? value.errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as FieldError).path === 'string' &&
          typeof (e as FieldError).message === 'string',
      )
    : undefined;
  return {
    type: typeof value.type === 'string' ? value.type : 'about:blank',
    title: value.title,
    status: value.status,
    ...(typeof value.detail === 'string' ? { detail: value.detail } : {}),
    ...(typeof value.instance === 'string' ? { instance: value.instance } : {}),
    ...(typeof value.code === 'string' ? { code: value.code } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** Headers given by the caller as a record with lower-case names, to add the client's to. */
function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!init) return record;
  const entries =
    init instanceof Headers || Array.isArray(init)
      ? init
      : Object.entries(init as Record<string, string>);
  for (const [name, value] of entries as Iterable<[string, string]>) {
    const key = name.toLowerCase();
    // Repeated names join as Headers would join them.
    record[key] = key in record ? `${record[key]}, ${value}` : value;
  }
  return record;
}

function searchParams(query: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  return params;
}

/**
 * The base URL without a trailing slash. A relative one (`/api/v1`) is resolved against the
 * page; outside a page it must be absolute — said now, not at the first request.
 */
function resolveBase(baseUrl: string | URL): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(baseUrl, page);
  } catch {
    throw new TypeError(
      `@egov-kit/client: baseUrl "${String(baseUrl)}" is not a URL; give the API's absolute URL, e.g. https://example.gov.vn/api/v1.`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * How an upload reports progress here: XMLHttpRequest in a browser (unless a `fetch` was
 * injected), a streamed request body where fetch supports one outside a browser (Node,
 * Deno), else only its start and end.
 */
function uploadMode(injected: typeof fetch | undefined): 'xhr' | 'stream' | 'coarse' {
  const browser = typeof XMLHttpRequest === 'function';
  if (browser && !injected) return 'xhr';
  if (!browser && requestStreams()) return 'stream';
  return 'coarse';
}

let streams: boolean | undefined;
/** Whether `fetch` takes a ReadableStream body here (ky's own test, done once). */
function requestStreams(): boolean {
  if (streams === undefined) {
    let duplex = false;
    try {
      const init = {
        method: 'POST',
        body: new ReadableStream(),
        get duplex() {
          duplex = true;
          return 'half';
        },
      };
      streams = !new Request('https://streams.invalid', init).headers.has('content-type') && duplex;
    } catch {
      streams = false;
    }
  }
  return streams;
}
