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

  it('names every creating POST idempotent, and only POSTs', () => {
    for (const op of Object.values(OPERATIONS)) {
      if (op.idempotent) expect(op.method).toBe('post');
    }
  });
});
