#!/usr/bin/env node
/**
 * Writes the OpenAPI document generated from the schemas to packages/schema/openapi.json, the
 * file agencies read and tools import. With --check, writes nothing and fails when the committed
 * file is not what the schemas generate (someone changed a schema and forgot to regenerate).
 * Run after `pnpm build` (it reads dist/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../dist/openapi/index.js';

const file = new URL('../openapi.json', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const text = `${JSON.stringify(buildOpenApiDocument({ version }), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {}
  if (committed !== text) {
    console.error(
      'packages/schema/openapi.json is out of date: run `pnpm --filter @egov-kit/schema openapi` and commit it.',
    );
    process.exit(1);
  }
  console.log('packages/schema/openapi.json is current.');
} else {
  writeFileSync(file, text);
  console.log(`wrote packages/schema/openapi.json (${text.length} bytes)`);
}
