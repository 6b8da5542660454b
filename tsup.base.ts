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
