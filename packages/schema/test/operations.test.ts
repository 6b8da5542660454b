import { describe, expect, it } from 'vitest';
import { OPERATIONS, ROUTES } from '../src/index.js';

describe('OPERATIONS, the route table without schemas', () => {
  it('is ROUTES to the letter (else: run `pnpm --filter @egov-kit/schema openapi`)', () => {
    expect(OPERATIONS).toEqual(
      Object.fromEntries(
        ROUTES.map((route) => [
          route.operationId,
          {
            id: route.operationId,
            method: route.method,
            path: route.path,
            auth: route.auth,
            idempotent: 'idempotent' in route && route.idempotent === true,
            ifMatch: 'ifMatch' in route && route.ifMatch === true,
          },
        ]),
      ),
    );
  });

  it('takes Idempotency-Key only where a repeat could do the work twice: POST, and DELETE', () => {
    // A DELETE carries one so that a retry after a lost answer is answered 204 again, not 404.
    for (const op of Object.values(OPERATIONS)) {
      if (op.idempotent) expect(['post', 'delete']).toContain(op.method);
    }
    expect(OPERATIONS.deleteDossier).toMatchObject({
      method: 'delete',
      idempotent: true,
      ifMatch: true,
      auth: 'citizen',
    });
  });
});
