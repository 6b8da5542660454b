import * as z from 'zod/mini';
import { ROUTES, type RouteDefinition } from '../api/routes.js';
import { COMPONENT_SCHEMAS } from './components.js';

/** A JSON object of the document; the document is plain JSON. */
type Json = { [key: string]: unknown };

/** Options of {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  /** `info.version`; the package version by default. */
  readonly version?: string;
  /** Where the API is served; `/api/v1` (relative to the document) by default. */
  readonly serverUrl?: string;
}

const TAGS: Record<RouteDefinition['tag'], string> = {
  System: 'Health and metadata.',
  Procedures: 'The catalogue of administrative procedures (thủ tục hành chính).',
  Units: 'Administrative units of the 2025 two-level map.',
  Agencies: 'Agencies that receive and process dossiers.',
  Dossiers: "A citizen's dossiers (hồ sơ): drafts, submission, withdrawal, supplements.",
  Attachments: 'Files attached to dossiers.',
  Payments: 'Fees and charges due on dossiers.',
  Surveys: 'Satisfaction surveys after a result is returned.',
  Lookup: 'Public lookup by the code and verifier printed on the receipt.',
  Statistics: 'On-time rates.',
  Officer: "Officials' inbox and the actions of the status machine.",
  Notifications: 'How a person wants to be notified of their dossiers (e-mail, SMS).',
  Admin:
    'Administration: the notification outbox and its dead letters, webhook endpoints, templates.',
};

const REF = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const PROBLEM = (description: string, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: REF('Problem') } },
});

/**
 * The OpenAPI 3.1 document of the whole contract, generated from the zod schemas and the route
 * table — never written by hand, so it cannot drift from what the server enforces.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): Json {
  const registry = z.registry<{ id: string; description?: string }>();
  for (const schema of COMPONENT_SCHEMAS) {
    const meta = z.globalRegistry.get(schema);
    if (!meta?.id) throw new Error('A component schema has no id in the global registry.');
    registry.add(schema, { ...meta, id: meta.id });
  }
  // Route-level schemas without a name of their own get one from their operation.
  const named = new Map<z.ZodMiniType, string>();
  const nameOf = (schema: z.ZodMiniType, fallback: string): string => {
    const existing = registry.get(schema)?.id ?? z.globalRegistry.get(schema)?.id;
    const id = existing ?? named.get(schema) ?? fallback;
    if (!registry.has(schema)) registry.add(schema, { ...z.globalRegistry.get(schema), id });
    named.set(schema, id);
    return id;
  };
  const parameterObjects = new Set<string>();
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const base = route.operationId.charAt(0).toUpperCase() + route.operationId.slice(1);
    if (route.params) parameterObjects.add(nameOf(route.params, `${base}Path`));
    if (route.query) parameterObjects.add(nameOf(route.query, `${base}Query`));
    if (route.body) nameOf(route.body.schema, `${base}Body`);
    for (const [status, response] of Object.entries(route.responses)) {
      if (response.schema) nameOf(response.schema, `${base}Response${status}`);
    }
  }

  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    metadata: z.globalRegistry,
    io: 'input',
    override: ({ jsonSchema }) => tidy(jsonSchema as Json),
  }) as { schemas: Record<string, Json> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }

  const paths: Record<string, Record<string, Json>> = {};
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const methods = paths[route.path] ?? {};
    methods[route.method] = operation(route, schemas, (schema) => named.get(schema) as string);
    paths[route.path] = methods;
  }
  // Parameter objects are expanded into `parameters`; as components they would be unused.
  for (const id of parameterObjects) {
    if (!isReferenced(id, paths, schemas)) delete schemas[id];
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'egov-kit API',
      version: options.version ?? '0.0.0',
      summary: 'The contract between egov-kit clients and back ends for online public services.',
      description:
        'Procedures, dossiers and their lifecycle, attachments, payments, surveys and statistics. Errors are application/problem+json (RFC 9457). POSTs that create accept Idempotency-Key; draft updates need If-Match. Lists are cursor-paginated. Vietnamese and English messages, by Accept-Language.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/api/v1', description: 'This server' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A JWT whose `role` claim is citizen, officer or admin.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A unique key per logical operation (a UUID). A repeat with the same key returns the first result instead of acting twice.',
          schema: { type: 'string', minLength: 8, maxLength: 255 },
        },
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The ETag of the version being changed; a stale one answers 412.',
          schema: { type: 'string' },
        },
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'vi (default) or en: the language of titles and messages.',
          schema: { type: 'string', examples: ['vi', 'en'] },
        },
      },
      headers: {
        ETag: {
          description: 'The version of the resource, for If-Match.',
          schema: { type: 'string' },
        },
        RetryAfter: {
          description: 'Seconds to wait before retrying.',
          schema: { type: 'integer', minimum: 0 },
        },
      },
    },
  };
}

function operation(
  route: RouteDefinition,
  schemas: Record<string, Json>,
  idOf: (s: z.ZodMiniType) => string,
): Json {
  const parameters: Json[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const object = schemas[idOf(schema)] as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...rest } = property;
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  parameters.push({ $ref: '#/components/parameters/AcceptLanguage' });
  if (route.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (route.ifMatch) parameters.push({ $ref: '#/components/parameters/IfMatch' });

  const responses: Record<string, Json> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const headers =
      route.etag && status.startsWith('2')
        ? { ETag: { $ref: '#/components/headers/ETag' } }
        : undefined;
    responses[status] = response.schema
      ? {
          description: response.description,
          ...(headers ? { headers } : {}),
          content: {
            [response.contentType ?? 'application/json']: { schema: REF(idOf(response.schema)) },
          },
        }
      : response.contentType
        ? {
            description: response.description,
            content: {
              [response.contentType]: {
                schema: { type: 'string', contentMediaType: response.contentType },
              },
            },
          }
        : { description: response.description };
  }
  if (route.params || route.query || route.body)
    responses['400'] ??= PROBLEM('The request is invalid; `errors` lists each field.');
  if (route.auth !== 'public') {
    responses['401'] ??= PROBLEM('No valid bearer token.');
    responses['403'] ??= PROBLEM('The token does not allow this.');
  }
  if (route.params) responses['404'] ??= PROBLEM('Not found.');
  if (route.method !== 'get' && route.params)
    responses['409'] ??= PROBLEM('Not allowed in the current status.');
  if (route.ifMatch) {
    responses['412'] ??= PROBLEM('The resource changed since it was read: reload and merge.');
    responses['428'] ??= PROBLEM('If-Match is missing.');
  }
  if (route.operationId === 'submitDossier')
    responses['422'] ??= PROBLEM('The answers or documents are incomplete.');
  if (route.rateLimited) {
    responses['429'] ??= PROBLEM('Too many requests.', {
      'Retry-After': { $ref: '#/components/headers/RetryAfter' },
    });
  }
  responses.default = PROBLEM('An unexpected error.');

  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.auth === 'public' ? [] : [{ bearerAuth: [] }],
    ...(route.auth !== 'public'
      ? { 'x-roles': route.auth === 'any_user' ? ['citizen', 'officer', 'admin'] : [route.auth] }
      : {}),
    parameters,
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [route.body.contentType ?? 'application/json']: {
                schema: REF(idOf(route.body.schema)),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** Drops noise zod adds: the regex beside a `format`, and integer bounds that only say "safe integer". */
function tidy(schema: Json): void {
  if (schema.format && schema.pattern) delete schema.pattern;
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
}

function isReferenced(id: string, ...roots: unknown[]): boolean {
  const target = `#/components/schemas/${id}`;
  return roots.some((root) => JSON.stringify(root).includes(`"${target}"`));
}
