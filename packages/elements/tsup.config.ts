import { defineConfig } from 'tsup';
import { browserBundle } from '../../tsup.base.js';
import { minifyStylesPlugin } from './scripts/minify-styles.mjs';

// The npm build is `tsc -p tsconfig.build.json`: one module per source file, so that the
// registration files stay where `sideEffects` names them. (A bundled build moved the
// `customElements.define` calls into shared chunks, which an app's bundler then dropped.)
// tsup makes the file for `<script type="module">`: everything inlined, minified — except what
// the elements load with `import()` (the administrative units of the address field), which
// stays in chunks beside it, named `egov-elements-*.js`, fetched only when needed. Serve the
// chunks from the same folder as the file.
export default defineConfig(
  browserBundle(
    { 'egov-elements': 'src/bundle.ts' },
    {
      chunkPrefix: 'egov-elements',
      // The CSS of the `*.styles.ts` files, minified as `dist` is (scripts/minify-styles.mjs).
      esbuildPlugins: [minifyStylesPlugin],
    },
  ),
);
