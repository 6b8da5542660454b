#!/usr/bin/env node
/**
 * Writes src/mock/procedures.json: the real national procedures the mock back end serves —
 * those with an authored application form, and a few more of the commune and province
 * levels — imported from the reference server's national records with the schema package's
 * importer, exactly as the reference server seeds them. Run after building @egov-kit/schema (then `pnpm format`);
 * `--check` fails when the committed file's content differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { formDefinitions } from '@egov-kit/schema/forms';
import { importNationalProcedure } from '@egov-kit/schema/procedures';

const source = new URL('../../server/data/national-procedures.json.gz', import.meta.url);
const target = new URL('../src/mock/procedures.json', import.meta.url);
const records = JSON.parse(gunzipSync(readFileSync(source)).toString('utf8'));
const procedures = records.map(importNationalProcedure);
const withForm = new Set(formDefinitions.flatMap((form) => form.procedureCodes ?? []));
const chosen = [
  ...procedures.filter((p) => withForm.has(p.code)),
  ...procedures.filter((p) => !withForm.has(p.code) && p.levels.includes('commune')).slice(0, 8),
  ...procedures.filter((p) => !withForm.has(p.code) && p.levels.includes('province')).slice(0, 3),
]
  .filter((p, i, all) => all.findIndex((q) => q.code === p.code) === i)
  .sort((a, b) => a.code.localeCompare(b.code));
const text = `${JSON.stringify(chosen, null, 2)}\n`;
if (process.argv.includes('--check')) {
  // By content: the committed file is formatted by biome, not byte for byte as written here.
  const committed = JSON.parse(readFileSync(target, 'utf8'));
  if (JSON.stringify(committed) !== JSON.stringify(chosen)) {
    console.error('src/mock/procedures.json is out of date: run node scripts/build-mock-data.mjs');
    process.exit(1);
  }
  console.log(`src/mock/procedures.json is current (${chosen.length} procedures)`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${chosen.length} procedures (${text.length} bytes)`);
}
