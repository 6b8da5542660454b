/** Problems become typed errors; the guards work across realms and bundled copies. */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ConflictError,
  createClient,
  FileRejectedError,
  isApiError,
  isConflictError,
  isFileRejectedError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from '../src/index.js';
import { fakeFetch, ID, problem, procedure } from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

describe('problem+json', () => {
  it('becomes an ApiError with every part of the problem, field errors as a map', async () => {
    const { fetch } = fakeFetch(() =>
      problem(422, 'unprocessable', {
        title: 'The dossier is incomplete',
        detail: '3 thing(s) to fix before submitting.',
        instance: `/api/v1/dossiers/${ID}/submit`,
        errors: [
          { path: 'formData.fullName', code: 'required', message: 'Enter full name.' },
          { path: 'formData.fullName', code: 'length', message: 'Second message.' },
          { path: 'documents.doc-1', code: 'required', message: 'Attach: Giấy tờ' },
          { path: 42, message: 'malformed, dropped' },
        ],
      }),
    );
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    const error = await client.dossiers.submit(ID, { ifMatch: '"e"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    if (!isApiError(error)) throw error;
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 422,
      type: 'urn:egov-kit:problem:unprocessable',
      code: 'unprocessable',
      title: 'The dossier is incomplete',
      detail: '3 thing(s) to fix before submitting.',
      message: '3 thing(s) to fix before submitting.',
      operation: 'submitDossier',
      isConflict: false,
    });
    expect(error.fieldErrors).toEqual({
      'formData.fullName': 'Enter full name.',
      'documents.doc-1': 'Attach: Giấy tờ',
    });
    expect(error.errors).toHaveLength(3);
    expect(error.problem?.instance).toBe(`/api/v1/dossiers/${ID}/submit`);
  });

  it('an error without a problem body (a proxy’s HTML 502) still says something, in the locale', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('<h1>Bad gateway</h1>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    );
    for (const [locale, text] of [
      ['en', /server has a problem \(error 502\)/],
      ['vi', /Máy chủ đang gặp sự cố \(lỗi 502\)/],
    ] as const) {
      const client = createClient({ baseUrl, fetch, retry: false, locale });
      const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
      expect(isApiError(error) && error.code).toBe('http_502');
      expect(isApiError(error) && error.type).toBe('about:blank');
      expect((error as ApiError).message).toMatch(text);
      expect((error as ApiError).fieldErrors).toEqual({});
    }
  });

  it('a JSON error body that is not a problem is ignored, not trusted', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(JSON.stringify({ error: 'nope' }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const error = await createClient({ baseUrl, fetch, locale: 'en' })
      .procedures.get('1.013133')
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.problem).toBeUndefined();
    expect(isApiError(error) && error.code).toBe('http_400');
  });

  it('the locale is sent as Accept-Language, and may change between calls', async () => {
    let locale: 'vi' | 'en' = 'vi';
    const { fetch, seen } = fakeFetch(() => Response.json(procedure()));
    const client = createClient({ baseUrl, fetch, locale: () => locale });
    await client.procedures.get('1.013133');
    locale = 'en';
    await client.procedures.get('1.013133');
    expect(seen.map((r) => r.headers.get('accept-language'))).toEqual(['vi', 'en']);
    await createClient({ baseUrl, fetch }).procedures.get('1.013133');
    expect(seen[2]?.headers.get('accept-language')).toBe('vi');
  });
});

describe('guards', () => {
  const requirement = procedure().cases[0]?.documents[0] as NonNullable<
    ReturnType<typeof procedure>['cases'][0]['documents'][0]
  >;
  const errors = {
    api: new ApiError({ status: 404, fallbackMessage: 'x', operation: 'getProcedure' }),
    conflict: new ConflictError({ status: 412, fallbackMessage: 'x', operation: 'updateDossier' }),
    network: new NetworkError({ operation: 'getProcedure', locale: 'vi' }),
    timeout: new TimeoutError({ operation: 'getProcedure', locale: 'en', timeout: 10 }),
    validation: new ResponseValidationError({
      operation: 'getProcedure',
      status: 200,
      locale: 'vi',
      issues: [],
    }),
    file: new FileRejectedError({
      reason: 'size',
      fileName: 'scan.pdf',
      size: 2048,
      requirement,
      locale: 'vi',
    }),
  };
  const guards = {
    api: isApiError,
    conflict: isConflictError,
    network: isNetworkError,
    timeout: isTimeoutError,
    validation: isResponseValidationError,
    file: isFileRejectedError,
  };

  it('each guard knows its own kind only (a ConflictError is an ApiError too)', () => {
    for (const [guardName, guard] of Object.entries(guards)) {
      for (const [errorName, error] of Object.entries(errors)) {
        const expected =
          guardName === errorName || (guardName === 'api' && errorName === 'conflict');
        expect(guard(error), `${guardName}(${errorName})`).toBe(expected);
      }
      for (const value of [null, undefined, 'ApiError', 42, new Error('plain'), {}])
        expect(guard(value)).toBe(false);
    }
  });

  it('names for logs, messages in both languages', () => {
    expect(errors.conflict.name).toBe('ConflictError');
    expect(errors.timeout.message).toMatch(/took too long/);
    expect(errors.timeout.localizedMessage.vi).toMatch(/không trả lời kịp/);
    expect(errors.network.message).toMatch(/Không kết nối được/);
    expect(errors.file.message).toBe('Tệp "scan.pdf" nặng 2 KB, vượt giới hạn 1 KB.');
    expect(errors.file.localizedMessage.en).toMatch(/"scan.pdf" is/);
  });

  it('work on an error from another realm, where instanceof fails', () => {
    const foreign = runInNewContext(`
      const error = new Error('from an iframe');
      Object.defineProperty(error, Symbol.for('@egov-kit/client:error-kinds'), {
        value: ['ApiError', 'ConflictError'],
      });
      error;
    `) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(foreign instanceof ApiError).toBe(false);
    expect(isApiError(foreign)).toBe(true);
    expect(isConflictError(foreign)).toBe(true);
    expect(isNetworkError(foreign)).toBe(false);
  });

  it('work between two copies of the package (the built one and the source)', async () => {
    const built = await import('../dist/index.js');
    const error = new built.ConflictError({ status: 412, fallbackMessage: 'x', operation: 'o' });
    expect(error instanceof ConflictError).toBe(false);
    expect(isConflictError(error)).toBe(true);
    expect(built.isApiError(errors.api)).toBe(true);
  });
});
