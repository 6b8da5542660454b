import { defineConfig } from 'tsup';

// The npm build is `tsc -p tsconfig.build.json`, one module per source file, for bundlers (a
// page that only digests never loads pkijs or pdf-lib). tsup makes the file for pages without a
// build step (`import('/signing/index.js')` on the reference server's portal): pkijs, asn1js,
// pdf-lib and @noble/hashes inlined, minified, loaded only by a page that signs or verifies.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  outDir: 'dist/browser',
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  clean: false,
  splitting: false,
});
