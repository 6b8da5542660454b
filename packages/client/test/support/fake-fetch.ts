import type { Dossier, Procedure } from '@egov-kit/schema';

/** A request as the fake server saw it. */
export interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * A `fetch` to inject: `answer` decides each response (the 1-based attempt number is
 * given); every request is recorded. No mocking library: a function of the fetch shape.
 */
export function fakeFetch(
  answer: (request: Request, attempt: number) => Response | Promise<Response>,
): { fetch: typeof globalThis.fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const copy = request.clone();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.body ? await copy.text() : '',
    });
    return answer(request, seen.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/** A JSON answer. */
export function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });
}

/** A problem+json answer, as the reference server sends them. */
export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `urn:egov-kit:problem:${code}`,
      title: `Title ${status}`,
      status,
      code,
      ...extra,
    }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

/** A `fetch` that never answers: it waits for its signal, as a hung server would. */
export function hangingFetch(): { fetch: typeof globalThis.fetch; calls: () => number } {
  let calls = 0;
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls += 1;
    const signal = new Request(input, init).signal;
    return new Promise<Response>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls: () => calls };
}

export const ID = '3f1c2a9e-8b7d-4c6e-9a1f-0b2c3d4e5f60';
export const OTHER_ID = '5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

/** A dossier that passes the contract's schema. */
export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: ID,
    procedureCode: '1.013133',
    caseCode: 'c1',
    formId: 'military-service-first-registration',
    formVersion: 1,
    channel: 'online',
    formData: {},
    documents: [],
    status: 'draft',
    nationalStatusCode: null,
    createdAt: '2026-02-13T08:30:00+07:00',
    updatedAt: '2026-02-13T08:30:00+07:00',
    overdue: false,
    version: 1,
    ...overrides,
  };
}

/** A procedure that passes the contract's schema. */
export function procedure(code = '1.013133'): Procedure {
  return {
    code,
    name: 'Đăng ký nghĩa vụ quân sự lần đầu',
    field: 'Quốc phòng',
    levels: ['commune'],
    agencies: { implementing: [], competent: [], delegated: [], coordinating: [] },
    targetGroups: [],
    steps: [],
    results: [],
    legalBasis: [],
    onlineLevel: 'full',
    keywords: [],
    cases: [
      {
        code: 'c1',
        name: 'Đăng ký nghĩa vụ quân sự lần đầu',
        channels: [{ channel: 'online', fees: [] }],
        documents: [
          {
            code: 'doc-1',
            name: 'Giấy tờ',
            originals: 1,
            copies: 0,
            required: true,
            acceptedTypes: ['application/pdf', 'image/jpeg'],
            maxSizeBytes: 1024,
          },
        ],
      },
    ],
    importIssues: [],
  };
}

/** A page of procedure summaries. */
export function procedurePage(codes: string[], nextCursor: string | null = null) {
  return {
    items: codes.map((code) => {
      const { name, field, levels, onlineLevel, keywords } = procedure(code);
      return { code, name, field, levels, onlineLevel, keywords };
    }),
    nextCursor,
  };
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
export const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
export const JPEG_BYTES = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

/** Fast retries for tests: no jitter, 1 ms apart. */
export const FAST = { delay: () => 1, jitter: false } as const;
