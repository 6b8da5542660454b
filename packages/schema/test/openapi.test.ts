import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ROUTES } from '../src/api/routes.js';
import { buildOpenApiDocument } from '../src/openapi/index.js';

type Json = Record<string, any>;

const document = buildOpenApiDocument({ version: '1.2.3' }) as Json;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
}

describe('buildOpenApiDocument', () => {
  it('is an OpenAPI 3.1 document with the given version', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('1.2.3');
    expect(document.servers).toEqual([{ url: '/api/v1', description: 'This server' }]);
  });

  it('has an operation for every route of the table, and nothing else', () => {
    const operations = Object.entries(document.paths as Json).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual(
      ROUTES.map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  it('resolves every $ref', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
  });

  it('describes every property of every component', () => {
    const undescribed: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas as Json)) {
      for (const [property, value] of Object.entries((schema.properties ?? {}) as Json)) {
        const described = value.description || value.$ref || value.items?.$ref || value.anyOf;
        if (!described && !['items', 'id', 'name', 'code'].includes(property))
          undescribed.push(`${name}.${property}`);
      }
    }
    // Nearly every field explains itself; the few left are self-evident (counts, plain names).
    expect(undescribed.length, undescribed.join(', ')).toBeLessThan(40);
  });

  it('secures every non-public operation with the bearer scheme and leaves public ones open', () => {
    for (const route of ROUTES) {
      const op = document.paths[route.path][route.method];
      expect(op.security, route.operationId).toEqual(
        route.auth === 'public' ? [] : [{ bearerAuth: [] }],
      );
      if (route.auth !== 'public') expect(op.responses['401'], route.operationId).toBeDefined();
    }
  });

  it('takes Idempotency-Key on every creating POST and If-Match where drafts change', () => {
    for (const route of ROUTES) {
      const op = document.paths[route.path][route.method];
      const refs = (op.parameters as Json[]).map((p) => p.$ref);
      const idempotent = 'idempotent' in route && route.idempotent;
      expect(refs.includes('#/components/parameters/IdempotencyKey'), route.operationId).toBe(
        Boolean(idempotent),
      );
      // A provider's signed callback is made idempotent by its own notification id instead.
      const signed = 'signedBody' in route && route.signedBody;
      if (route.method === 'post' && !signed) expect(idempotent, route.operationId).toBe(true);
      if ('ifMatch' in route && route.ifMatch) {
        expect(refs).toContain('#/components/parameters/IfMatch');
        expect(op.responses['412']).toBeDefined();
      }
    }
  });

  it('answers errors as application/problem+json and rate limits with Retry-After', () => {
    const lookup = document.paths['/lookup'].get;
    expect(lookup.responses['429'].headers['Retry-After']).toBeDefined();
    expect(lookup.responses.default.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(document.paths['/dossiers/{id}/submit'].post.responses['422']).toBeDefined();
  });

  it('expands query objects into parameters with their descriptions and requiredness', () => {
    const params = document.paths['/lookup'].get.parameters as Json[];
    expect(params).toContainEqual(
      expect.objectContaining({
        name: 'code',
        in: 'query',
        required: true,
        description: 'The dossier code on the receipt.',
      }),
    );
    const list = document.paths['/procedures'].get.parameters as Json[];
    expect(list.find((p) => p.name === 'q')).toMatchObject({ required: false });
    expect(document.components.schemas.ListProceduresQuery).toBeUndefined();
  });

  it("never includes an app's own zod schemas", () => {
    z.object({ secret: z.string() }).register(z.globalRegistry, { id: 'SomeAppSchema' });
    const again = buildOpenApiDocument() as Json;
    expect(again.components.schemas.SomeAppSchema).toBeUndefined();
  });
});
