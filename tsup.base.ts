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
    ...overrides,
  };
}
