import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The npm build: one module per entry, dependencies left to the app's bundler.
    entry: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'text-field/define': 'src/text-field/define.ts',
    },
    format: ['esm'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
  },
  {
    // The single file for <script type="module">: everything inlined and minified.
    entry: { 'egov-elements': 'src/bundle.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    sourcemap: true,
    clean: false,
  },
]);
