import type { Locale } from '@egov-kit/schema';

/** What `getToken` is told. */
export interface TokenContext {
  /**
   * True when the server refused the previous token (401): return a fresh one (refresh it with
   * your identity provider), or nothing to give up. Asked at most once per call.
   */
  readonly refresh: boolean;
}

/** When and how requests are retried. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  readonly limit?: number;
  /** Delay before retry `attempt` (1, 2, …), in ms. Default 300 · 2^(attempt − 1). */
  readonly delay?: (attempt: number) => number;
  /** Longest delay between attempts, in ms. Default 8,000. */
  readonly backoffLimit?: number;
  /**
   * Wait at most this long (ms) when the server says `Retry-After`; a longer wait is not
   * waited for: the error is thrown, with `retryAfter` on it. Default 10,000.
   */
  readonly maxRetryAfter?: number;
  /** Spread each delay at random between 0 and itself, so that many clients do not retry in step. Default true. */
  readonly jitter?: boolean;
}

/** Observers of every HTTP attempt (logging, tracing). Errors they throw end the call. */
export interface ClientHooks {
  /** Before each attempt; may set headers on `request` (a trace id, say). */
  readonly beforeRequest?: (request: Request) => void | Promise<void>;
  /** After each attempt that got an answer; `response` is a copy, free to read. */
  readonly afterResponse?: (response: Response, request: Request) => void | Promise<void>;
  /** Before each retry; `response` is there when the retry is for an HTTP status. */
  readonly beforeRetry?: (retry: {
    readonly request: Request;
    readonly attempt: number;
    readonly error: Error;
    readonly response?: Response | undefined;
  }) => void | Promise<void>;
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The API's base URL, with its `/api/v1`: `https://dichvucong.example.gov.vn/api/v1`, or
   * `/api/v1` in a browser on the same origin.
   */
  readonly baseUrl: string | URL;
  /**
   * The bearer token for routes that need one, asked before every call that needs it (so a
   * token kept fresh elsewhere is always current). On a 401, asked again with
   * `{ refresh: true }`, and the call is repeated once with the new token.
   */
  readonly getToken?: (
    context: TokenContext,
  ) => string | null | undefined | Promise<string | null | undefined>;
  /** The `fetch` to use; the global one by default. Tests inject their own. */
  readonly fetch?: typeof fetch;
  /**
   * Time limit of one attempt, in ms; `false` for none. Default 10,000; uploads at least
   * 120,000.
   */
  readonly timeout?: number | false;
  /** Retries of the requests that may be repeated safely; a number sets `limit`; `false` for none. */
  readonly retry?: number | false | RetryOptions;
  /** Check every answer against the contract's schema. Default true (schemas load lazily). */
  readonly validate?: boolean;
  /**
   * The language of messages (`Accept-Language`): the server answers problems in it, and the
   * client's own errors take it for `message`. A function is asked on every call, for a page
   * whose language can change. Default `vi`.
   */
  readonly locale?: Locale | (() => Locale);
  readonly hooks?: ClientHooks;
}

/** Options of any call. */
export interface RequestOptions {
  /** Cancels the call (and its retries); it then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Time limit of one attempt, in ms, for this call. */
  readonly timeout?: number | false;
  /** More headers, for this call. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of a creating call: it carries an Idempotency-Key. */
export interface KeyedRequestOptions extends RequestOptions {
  /**
   * The Idempotency-Key of this operation; a new random one by default, kept for every retry
   * of the call. Pass your own — stored before the call — to make an operation exactly-once
   * across a page reload: repeating it with the same key returns the first result.
   */
  readonly idempotencyKey?: string;
}

/** Options of a call that changes a draft: it carries If-Match. */
export interface ConditionalRequestOptions extends RequestOptions {
  /**
   * The ETag of the version this change is based on; by default the newest this client has
   * seen for the dossier (from `create`, `get`, `update`…).
   */
  readonly ifMatch?: string;
}
