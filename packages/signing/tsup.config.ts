import { defineConfig } from 'tsup';
import { browserBundle } from '../../tsup.base.js';

// The npm build is `tsc -p tsconfig.build.json`, one module per source file, for bundlers (a
// page that only digests never loads pkijs or pdf-lib). tsup makes the file for pages without a
// build step (`import('/signing/index.js')` on the reference server's portal): pkijs, asn1js,
// pdf-lib and @noble/hashes inlined, minified, loaded only by a page that signs or verifies.
export default defineConfig(
  browserBundle({ index: 'src/index.ts' }, { outDir: 'dist/browser', sourcemap: false }),
);
