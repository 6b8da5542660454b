import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'tsup';

/**
 * The build every side-effect-free package shares: its `src/index.ts` bundled to one ESM file
 * with a bundled `.d.ts`. (The elements differ; see docs/decisions/0011.)
 */
export function libraryBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    ...overrides,
  };
}

/**
 * Writes `integrity.json` beside a browser build: the Subresource Integrity hash (SHA-384) of
 * each of its `.js` files in `dir` — the entries (`<name>.js`) and the chunks
 * (`<chunkPrefix>-*.js`) — keyed by file name. A site that serves the files itself puts them
 * in its import map's `integrity` (the lazy chunks too) and on the `<script integrity>` — see
 * docs/elements/cdn.md.
 */
export function writeIntegrity(dir: string, entries: string[], chunkPrefix?: string): void {
  const hashes: Record<string, string> = {};
  const ours = (file: string) =>
    entries.includes(file.slice(0, -'.js'.length)) ||
    (chunkPrefix !== undefined && file.startsWith(`${chunkPrefix}-`));
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.js') || !ours(file)) continue;
    const digest = createHash('sha384')
      .update(readFileSync(join(dir, file)))
      .digest('base64');
    hashes[file] = `sha384-${digest}`;
  }
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
}

/**
 * The single-file build for pages without a build step (`<script type="module">`): every
 * dependency inlined, minified, for browsers. With `chunkPrefix`, what the code loads with
 * `import()` stays in chunks beside the file, named `<chunkPrefix>-*.js`, fetched only when
 * needed (serve them from the same folder); without it, one file. `clean` is off: the npm build
 * (`tsc`) has already written `dist`.
 */
export function browserBundle(
  entry: Record<string, string>,
  { chunkPrefix, ...overrides }: Options & { chunkPrefix?: string } = {},
): Options {
  return {
    entry,
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    sourcemap: true,
    clean: false,
    splitting: chunkPrefix !== undefined,
    ...(chunkPrefix !== undefined && {
      esbuildOptions(options) {
        options.chunkNames = `${chunkPrefix}-[name]-[hash]`;
      },
    }),
    // Runs once the files are written (`outDir` is tsup's default, `dist`, unless overridden).
    async onSuccess() {
      writeIntegrity(overrides.outDir ?? 'dist', Object.keys(entry), chunkPrefix);
    },
    ...overrides,
  };
}
