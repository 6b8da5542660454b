import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base.js';

export default defineConfig(
  libraryBuild({
    entry: ['src/index.ts', 'src/main.ts'],
    target: 'node20',
    platform: 'node',
    dts: { entry: 'src/index.ts' },
  }),
);
