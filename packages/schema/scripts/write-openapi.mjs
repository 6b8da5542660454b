#!/usr/bin/env node
/**
 * Writes what is generated from the route table and the schemas:
 * - packages/schema/openapi.json, the OpenAPI document agencies read and tools import;
 * - packages/schema/src/api/operations.ts, the route table without its schemas (`OPERATIONS`:
 *   each operation's method, path, auth and flags), which the client and other zod-free code
 *   use, so that nobody keeps a copy of `ROUTES` in step by hand.
 * With --check, writes nothing and fails when a committed file is not what the schemas generate
 * (someone changed a route or a schema and forgot to regenerate). Run after building the schema
 * package (it reads dist/); after writing operations.ts, build again.
 *
 *   pnpm --filter @egov-kit/schema openapi
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ROUTES } from '../dist/index.js';
import { buildOpenApiDocument } from '../dist/openapi/index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const operations = Object.fromEntries(
  ROUTES.map((route) => [
    route.operationId,
    {
      id: route.operationId,
      method: route.method,
      path: route.path,
      auth: route.auth,
      idempotent: route.idempotent === true,
      ifMatch: route.ifMatch === true,
    },
  ]),
);

const files = [
  {
    url: new URL('../openapi.json', import.meta.url),
    name: 'packages/schema/openapi.json',
    text: `${JSON.stringify(buildOpenApiDocument({ version }), null, 2)}\n`,
  },
  {
    url: new URL('../src/api/operations.ts', import.meta.url),
    name: 'packages/schema/src/api/operations.ts',
    text: `// Generated from ROUTES by packages/schema/scripts/write-openapi.mjs — do not edit: run
// \`pnpm --filter @egov-kit/schema openapi\` after changing a route.

/**
 * The contract's route table without its schemas: each operation's method, path, who may call
 * it (\`auth\`), whether it is a creating POST that takes an Idempotency-Key (\`idempotent\`)
 * and whether it needs If-Match. For code that must not load zod (an API client's first bundle);
 * the schemas are in \`ROUTES\`.
 */
export const OPERATIONS = ${JSON.stringify(operations, null, 2)} as const;

/** The \`operationId\` of every route. */
export type OperationId = keyof typeof OPERATIONS;
`,
  },
];

let stale = 0;
for (const { url, name, text } of files) {
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(url, 'utf8');
    } catch {}
    if (committed === text) console.log(`${name} is current.`);
    else {
      console.error(
        `${name} is out of date: run \`pnpm --filter @egov-kit/schema openapi\` and commit it.`,
      );
      stale++;
    }
  } else {
    writeFileSync(url, text);
    console.log(`wrote ${name} (${text.length} bytes)`);
  }
}
if (stale) process.exit(1);
