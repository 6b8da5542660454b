#!/usr/bin/env node
/**
 * Packs the national procedure records of ../shared/data/procedures into the one gzipped file
 * the server ships and seeds from (data/national-procedures.json.gz), so that the published
 * server never reads ../shared. With --check, fails when the packed file is stale.
 *
 *   node scripts/build-procedures-data.mjs [--check] [data-dir]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const dataDir = join(
  args.find((arg) => !arg.startsWith('--')) ?? join(packageDir, '../../../shared/data'),
  'procedures',
);
const target = join(packageDir, 'data/national-procedures.json.gz');

if (!existsSync(dataDir)) {
  // A clone of the public repository has no ../shared: say what is missing, not ENOENT.
  console.error(
    `build-procedures-data: không thấy dữ liệu tham chiếu ở ${dataDir}; đặt thư mục shared/data cạnh kho mã (../shared/data) hoặc truyền đường dẫn của nó.\n` +
      `build-procedures-data: no reference data at ${dataDir}; put the shared/data folder beside the repository (../shared/data) or pass its path.`,
  );
  process.exit(1);
}

const records = readdirSync(dataDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(dataDir, file), 'utf8')));
const json = `${JSON.stringify(records)}\n`;

if (check) {
  const current = gunzipSync(readFileSync(target)).toString('utf8');
  if (current !== json) {
    console.error(
      'packages/server/data/national-procedures.json.gz is stale: run `pnpm --filter @egov-kit/server procedures-data`.',
    );
    process.exit(1);
  }
  console.log(`national procedures data is current (${records.length} records).`);
} else {
  // mtime 0 in the gzip header: the same input always gives the same bytes.
  writeFileSync(target, gzipSync(json, { level: 9 }));
  console.log(`wrote ${target} (${records.length} records)`);
}
