/**
 * How size-limit bundles a typical page for the client's budget: the page's own first load.
 * The validation schemas are loaded with `import()` from `dist/validators/` on the first
 * checked answer; a browser bundler puts them in chunks of their own, so they are left out of
 * this bundle (and measured by their own checks in .size-limit.json).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {import('esbuild').Plugin} */
const lazyValidators = {
  name: 'lazy-validators',
  setup(build) {
    // Only what is loaded with import(): a static import of a validator is the regression this
    // budget is here to catch.
    build.onResolve({ filter: /\/validators\/[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

export default {
  entryPoints: { page: fileURLToPath(new URL('./page.js', import.meta.url)) },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  treeShaking: true,
  plugins: [lazyValidators],
  outdir: join(tmpdir(), `size-limit-client-${process.pid}`),
  write: true,
};
