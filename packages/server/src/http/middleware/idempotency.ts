import type { RouteDefinition } from '@egov-kit/schema';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { claimKey, recordResponse } from '../idempotency.js';
import { HttpProblem } from '../problem.js';
import { requestHash } from '../request-hash.js';

/**
 * `Idempotency-Key` on the routes that accept it: the first request with a key runs and its
 * answer is stored in the same transaction; a repeat replays that answer
 * (`Idempotent-Replayed: true`); the same key with another request is a 422. Runs inside
 * `unitOfWork`, after validation, so the fingerprint is of the validated request — for an
 * upload, of the file's bytes too.
 */
export function idempotency(route: RouteDefinition): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || !route.idempotent) return next();
    if (key.length < 8 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new HttpProblem(
        'validation',
        {
          vi: 'Idempotency-Key phải dài từ 8 đến 255 ký tự ASCII in được.',
          en: 'Idempotency-Key must be 8 to 255 printable ASCII characters.',
        },
        {
          errors: [
            {
              path: 'Idempotency-Key',
              code: 'length',
              message: { vi: '8–255 ký tự.', en: '8–255 characters.' },
            },
          ],
        },
      );
    }
    const { params, body, file } = c.get('input');
    const scope = {
      principal: c.get('principal')?.id ?? `anonymous:${c.get('clientAddress')}`,
      key,
      operation: `${route.operationId}:${JSON.stringify(params)}`,
      requestHash: requestHash(
        route.operationId,
        params,
        // The content's SHA-256, computed while the upload streamed in: another file of the
        // same name and size is another request, not a retry.
        file
          ? { body, file: file.name, size: file.received.size, sha256: file.received.sha256 }
          : body,
      ),
    };
    const tx = c.get('db');
    const stored = await claimKey(tx, scope);
    if (stored) {
      const empty = stored.status === 204 || stored.status === 205 || stored.status === 304;
      c.res = new Response(empty ? null : stored.body, {
        status: stored.status,
        headers: {
          ...stored.headers,
          ...(empty ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          'idempotent-replayed': 'true',
        },
      });
      return;
    }
    await next();
    if (c.error) return;
    const answer = c.res;
    const text = await answer.clone().text();
    const etag = answer.headers.get('etag');
    await recordResponse(tx, scope, {
      status: answer.status,
      headers: etag ? { etag } : {},
      body: text,
    });
  };
}
