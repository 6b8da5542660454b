import type { RouteDefinition } from '@egov-kit/schema';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.js';
import { requireRole, type TokenVerifier } from '../auth.js';
import { readJsonBody, readMultipartBody, refuseBadStrings } from '../body.js';
import type { AppEnv } from '../env.js';
import { HttpProblem } from '../problem.js';
import { parseOr400 } from '../validate.js';

/**
 * Who is calling: the bearer token verified (401 when bad, even on a public route — a client
 * that sends a broken token should hear so), then the route's role (401 without a token, 403
 * with the wrong role).
 */
export function authenticate(
  route: RouteDefinition,
  tokens: TokenVerifier,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await tokens.principal(c.req.header('authorization'));
    c.set('principal', principal);
    if (route.auth !== 'public') {
      requireRole(
        principal,
        route.auth === 'any_user' ? ['citizen', 'officer', 'admin'] : [route.auth, 'admin'],
      );
    }
    await next();
  };
}

/**
 * Reads and validates what the route declares — path, query, body (JSON or multipart, parsed
 * here and nowhere else) and If-Match — into `c.var.input`, or answers 400/415/428.
 */
export function validateInput(route: RouteDefinition): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rawParams = c.req.param() as Record<string, string>;
    const rawQuery = singleValues(c.req.queries());
    refuseBadStrings(rawParams, 'path');
    refuseBadStrings(rawQuery, 'query');
    const params = route.params ? parseOr400(route.params, rawParams, 'path') : {};
    const query = route.query ? parseOr400(route.query, rawQuery, 'query') : {};
    let body: unknown;
    let file: { name: string; bytes: Uint8Array } | undefined;
    if (route.body?.contentType === 'multipart/form-data') {
      ({ body, file } = await readMultipartBody(c));
    } else if (route.body) {
      body = parseOr400(route.body.schema, await readJsonBody(c), 'body');
    }
    if (route.ifMatch && !c.req.header('if-match')) {
      throw new HttpProblem('precondition_required', {
        vi: 'Gửi kèm If-Match với ETag của phiên bản đang sửa.',
        en: 'Send If-Match with the ETag of the version you are changing.',
      });
    }
    c.set('input', { params, query, body, file });
    await next();
  };
}

/**
 * A changing request runs in one transaction, committed when it answers and rolled back when
 * it fails — with its idempotency record, so a retry after a failure runs again. A reading
 * request uses the database directly.
 */
export function unitOfWork(route: RouteDefinition, db: Database): MiddlewareHandler<AppEnv> {
  if (route.method === 'get') {
    return async (c, next) => {
      c.set('db', db);
      await next();
    };
  }
  return async (c, next) => {
    await db.transaction(async (tx) => {
      c.set('db', tx);
      await next();
      // Hono turned the handler's error into a problem answer already; roll back all the same.
      if (c.error) throw c.error;
    });
  };
}

function singleValues(queries: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(queries).map(([key, values]) => [key, values[0] ?? '']));
}
