import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base.js';

// Two entries: the library (checks, runner, reports, mock) and the CLI, which keeps its
// `#!/usr/bin/env node` line. Node only: the kit speaks HTTP to a back end and serves the mock.
export default defineConfig(
  libraryBuild({
    entry: ['src/index.ts', 'src/cli.ts'],
    target: 'node20',
    platform: 'node',
    dts: { entry: 'src/index.ts' },
  }),
);
