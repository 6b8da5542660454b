#!/usr/bin/env node
/**
 * Converts the shared administrative-unit data into the compact modules that
 * `@egov-kit/schema/units` ships, so that the package never reads `../shared` at run time.
 *
 *   node packages/schema/scripts/build-units-data.mjs [data-dir]   # write the modules
 *   node packages/schema/scripts/build-units-data.mjs --check      # fail if they are stale
 *
 * `data-dir` defaults to the project's `../shared/data`. Inputs: `admin-units-2025.json` (GSO
 * codes from 2025-07-01) and `admin-units-2025-merges.json` (old units → new, from
 * github.com/dvhcvn/20250701, MIT: the notice is copied into every generated module and beside
 * them as `LICENSE`).
 *
 * Why strings and not JSON: one string per table, split on first use, is smaller than the same
 * data as an object literal (no repeated keys or quotes; ~24 kB gzipped for all 3,355 units
 * against ~31 kB as JSON) and costs nothing until a function needs it, because an unused string
 * constant is dropped by bundlers and never parsed into objects. Codes stay as they are written,
 * zero-padded strings.
 *
 * Formats (lines separated by `\n`, entries within a line by `|`):
 * - `PROVINCES`: one line per province, by code: the 2-digit code, then the name as published.
 * - `COMMUNES`: one line per province, in `PROVINCES` order; each entry is the 5-digit code, a
 *   kind letter (`w` ward, `c` commune, `s` special zone) and the name without its kind prefix
 *   (`Phường `, `Xã `, `Đặc khu `), entries by code.
 * - `OLD_PROVINCES` / `OLD_COMMUNES`: one line per new province / commune, in the order above;
 *   each entry is the old code (2 digits province, 3 district, 5 commune), `*` when the old unit
 *   went only partly into this one, and the old name.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(packageDir, 'src/units/data');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dataDir =
  args.find((arg) => !arg.startsWith('--')) ?? join(packageDir, '../../../shared/data');

if (!existsSync(dataDir)) {
  // A clone of the public repository has no ../shared: say what is missing, not ENOENT.
  console.error(
    `build-units-data: không thấy dữ liệu tham chiếu ở ${dataDir}; đặt thư mục shared/data cạnh kho mã (../shared/data) hoặc truyền đường dẫn của nó.\n` +
      `build-units-data: no reference data at ${dataDir}; put the shared/data folder beside the repository (../shared/data) or pass its path.`,
  );
  process.exit(1);
}

const KIND_LETTER = { ward: 'w', commune: 'c', 'special-zone': 's' };
const KIND_PREFIX = { ward: 'Phường ', commune: 'Xã ', 'special-zone': 'Đặc khu ' };
const VALID_FROM = '2025-07-01';

const units = readJson('admin-units-2025.json');
const merges = readJson('admin-units-2025-merges.json');
const licence = readFileSync(join(dataDir, 'LICENSE-dvhcvn-20250701'), 'utf8').trim();

assert(units.effectiveFrom === VALID_FROM, `effectiveFrom is ${units.effectiveFrom}`);
assert(units.provinces.length === 34, `${units.provinces.length} provinces, expected 34`);
assert(units.communes.length === 3321, `${units.communes.length} communes, expected 3,321`);

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const provinces = [...units.provinces].sort(byCode);
const communesOf = new Map(provinces.map((province) => [province.code, []]));
for (const commune of units.communes) {
  const list = communesOf.get(commune.provinceCode);
  assert(list, `commune ${commune.code} names unknown province ${commune.provinceCode}`);
  assert(/^\d{5}$/.test(commune.code), `commune code ${commune.code} is not 5 digits`);
  const prefix = KIND_PREFIX[commune.kind];
  assert(prefix, `commune ${commune.code} has unknown kind ${commune.kind}`);
  // The kind is stored as a letter and the prefix rebuilt from it, so they must agree.
  assert(
    commune.name.startsWith(prefix),
    `${commune.code} ${commune.name} is not a ${commune.kind}`,
  );
  list.push(commune);
}
for (const list of communesOf.values()) list.sort(byCode);
const communes = provinces.flatMap((province) => communesOf.get(province.code));
assert(new Set(communes.map((c) => c.code)).size === communes.length, 'duplicate commune codes');

const newProvince = new Map(merges.data.map((entry) => [entry.level1_id, entry]));
const newCommune = new Map(
  merges.data.flatMap((entry) => entry.level2s.map((commune) => [commune.level2_id, commune])),
);
assert(newProvince.size === provinces.length, 'merges list another set of provinces');
assert(newCommune.size === communes.length, 'merges list another set of communes');

const PROVINCES = provinces.map((p) => p.code + field(p.name)).join('\n');
const COMMUNES = provinces
  .map((province) =>
    communesOf
      .get(province.code)
      .map((c) => c.code + KIND_LETTER[c.kind] + field(c.name.slice(KIND_PREFIX[c.kind].length)))
      .join('|'),
  )
  .join('\n');
const OLD_PROVINCES = provinces
  .map((province) => oldEntries(newProvince.get(province.code), province, /^\d{2}$/))
  .join('\n');
const OLD_COMMUNES = communes
  .map((commune) => oldEntries(newCommune.get(commune.code), commune, /^(\d{3}|\d{5})$/))
  .join('\n');

const notice = [
  '/*! @license',
  ' * Administrative units of Vietnam from 2025-07-01 and the pre-2025 units merged into them,',
  ' * from github.com/dvhcvn/20250701 (GSO codes, Official Letters 915/CTK-CSCL, 1027/CTK-CSCL).',
  ...licence.split('\n').map((line) => ` *${line ? ` ${line}` : ''}`),
  ' */',
].join('\n');

const header = (what) =>
  `// Generated by packages/schema/scripts/build-units-data.mjs — do not edit; run the script.\n${notice}\n\n// ${what}\n`;

const communeLines = new Map(
  provinces.map((province) => [
    province.code,
    communesOf
      .get(province.code)
      .map((c) => c.code + KIND_LETTER[c.kind] + field(c.name.slice(KIND_PREFIX[c.kind].length)))
      .join('|'),
  ]),
);
assert(
  [...communeLines.values()].join('\n') === COMMUNES,
  'the per-province lines are not the whole table',
);

const files = {
  'provinces-2025.ts':
    `${header('The 34 provinces in force from 2025-07-01.')}` +
    `\n/** Provinces: \`code name\` lines (format in the build script). */\n` +
    `export const PROVINCES = ${JSON.stringify(PROVINCES)};\n`,
  // The whole table for synchronous look-ups (the server, validators, the old-unit map). The
  // provinces' modules below repeat it: built from them, each province's chunk in a browser
  // bundle became a stub importing a shared chunk — one more round trip on a slow phone.
  'units-2025.ts':
    `${header('The 34 provinces and 3,321 communes in force from 2025-07-01.')}` +
    `\nexport { PROVINCES } from './provinces-2025.js';\n` +
    `\n/** Communes: one line per province in \`PROVINCES\` order (format in the build script). */\n` +
    `export const COMMUNES = ${JSON.stringify(COMMUNES)};\n`,
  // One module per province, loaded when a person picks it (see ../lazy.ts).
  'communes/index.ts':
    `// Generated by packages/schema/scripts/build-units-data.mjs — do not edit; run the script.\n` +
    `\n/** Each province's communes, as a module of its own loaded on demand. */\n` +
    `export const COMMUNE_LOADERS: Readonly<Record<string, () => Promise<{ readonly COMMUNES: string }>>> = {\n` +
    provinces.map((p) => `  '${p.code}': () => import('./communes-${p.code}.js'),\n`).join('') +
    `};\n`,
  ...Object.fromEntries(
    provinces.map((province) => [
      `communes/communes-${province.code}.ts`,
      `${header(`The communes of ${province.name} (${province.code}) from 2025-07-01.`)}` +
        `\n/** Entries \`code kind name\` joined by \`|\` (format in the build script). */\n` +
        `export const COMMUNES = ${JSON.stringify(communeLines.get(province.code))};\n`,
    ]),
  ),
  'old-units-2025.ts':
    `${header('The pre-2025 units merged into each new one; partial merges are candidates.')}` +
    `\n/** Old provinces, one line per new province in \`PROVINCES\` order. */\n` +
    `export const OLD_PROVINCES = ${JSON.stringify(OLD_PROVINCES)};\n` +
    `\n/** Old districts and communes, one line per new commune in \`COMMUNES\` order. */\n` +
    `export const OLD_COMMUNES = ${JSON.stringify(OLD_COMMUNES)};\n`,
  LICENSE: `${licence}\n`,
};

let stale = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(outDir, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`stale: ${path}`);
      stale++;
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`${path}: ${Buffer.byteLength(text)} bytes`);
  }
}
if (stale) process.exit(1);

function oldEntries(target, unit, codePattern) {
  assert(target, `no merges for ${unit.code}`);
  const ownName = target.name.replace(/^(Tỉnh|Thành phố) /, '');
  assert(
    ownName === unit.name.replace(/^Thành phố /, ''),
    `${unit.code}: ${target.name} ≠ ${unit.name}`,
  );
  assert(target.merges.length > 0, `${unit.code} merges nothing`);
  return target.merges
    .map((merge) => {
      assert(codePattern.test(merge.old_id), `${unit.code}: old code ${merge.old_id}`);
      assert(merge.type === 'full' || merge.type === 'partial', `${unit.code}: type ${merge.type}`);
      const name = field(cleanOldName(merge.name));
      // Old codes have no fixed width: the name must not start with what a code is read as.
      assert(!/^[\d*]/.test(name), `${unit.code}: old name ${name}`);
      return merge.old_id + (merge.type === 'partial' ? '*' : '') + name;
    })
    .join('|');
}

/** The source has doubled and trailing spaces and a few `Thị Trấn` for `Thị trấn`. */
function cleanOldName(name) {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^Thị Trấn /, 'Thị trấn ');
}

function field(text) {
  assert(!/[|\n]/.test(text), `cannot store ${JSON.stringify(text)}`);
  assert(text === text.normalize('NFC'), `${text} is not NFC`);
  return text;
}

function readJson(name) {
  return JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
}

function assert(condition, message) {
  if (!condition) throw new Error(`build-units-data: ${message}`);
}
