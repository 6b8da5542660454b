import { defineConfig } from 'tsup';

// The npm build is `tsc -p tsconfig.build.json`: one module per source file, so that the
// registration files stay where `sideEffects` names them. (A bundled build moved the
// `customElements.define` calls into shared chunks, which an app's bundler then dropped.)
// tsup makes only the single file for `<script type="module">`: everything inlined, minified.
export default defineConfig({
  entry: { 'egov-elements': 'src/bundle.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  noExternal: [/.*/],
  minify: true,
  sourcemap: true,
  clean: false,
});
