import { defineConfig } from 'tsup';
import { browserBundle } from '../../tsup.base.js';

// The npm build is `tsc -p tsconfig.build.json`, one module per source file, for bundlers.
// tsup makes the file for pages without a build step (`<script type="module">`, the reference
// server's portal at `/client/index.js`): ky and the schema inlined, minified. The answers'
// validators, which the client loads with `import()` on first use, stay in chunks beside it,
// named `client-*.js`, fetched only when needed; serve the chunks from the same folder.
export default defineConfig(
  browserBundle({ index: 'src/index.ts' }, { outDir: 'dist/browser', chunkPrefix: 'client' }),
);
