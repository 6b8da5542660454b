import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Validates responses against the committed OpenAPI document (packages/schema/openapi.json) with
 * a JSON Schema validator nobody here wrote: when the server and the document drift, tests fail.
 */
type Json = Record<string, any>;

const document: Json = JSON.parse(
  readFileSync(new URL('../../../schema/openapi.json', import.meta.url), 'utf8'),
);
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: document.components } as Json);

const operations = Object.entries(document.paths as Json).flatMap(([template, methods]) =>
  Object.entries(methods as Json).map(([method, operation]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^/api/v1${template.replace(/\{\w+\}/g, '[^/]+')}$`),
    template,
    operation: operation as Json,
  })),
);

/** Every operation the suites answered, to prove each one was exercised. */
export const exercised = new Map<string, Set<number>>();

/** Throws when `body` is not what the document promises for this request and status. */
export function checkAgainstDocument(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
): void {
  const pathname = new URL(path, 'http://x').pathname;
  const match = operations.find((op) => op.method === method && op.pattern.test(pathname));
  if (!match) return; // not an API operation (portal, 404/405 paths): checked by their own tests
  const key = `${match.method} ${match.template}`;
  exercised.set(key, (exercised.get(key) ?? new Set()).add(status));
  const response = match.operation.responses[String(status)] ?? match.operation.responses.default;
  if (!response) throw new Error(`${key} answered ${status}, which the document does not list`);
  const media = Object.keys(response.content ?? {});
  if (!media.length) return;
  if (media.includes('*/*')) return;
  const expected = media.find((type) => contentType.startsWith(type)) ?? media[0];
  if (!contentType.startsWith(expected as string)) {
    throw new Error(
      `${key} ${status}: content-type ${contentType}, the document says ${media.join(', ')}`,
    );
  }
  const schema = response.content[expected as string].schema;
  if (!schema?.$ref) return;
  const validate = ajv.getSchema(`openapi${schema.$ref}`);
  if (!validate) throw new Error(`no schema ${schema.$ref}`);
  if (!validate(body)) {
    throw new Error(
      `${key} ${status} does not match ${schema.$ref}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 800)}`,
    );
  }
}

/** The operations of the document. */
export const documentedOperations = operations.map((op) => `${op.method} ${op.template}`);
