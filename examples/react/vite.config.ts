import { defineConfig } from 'vite';

// No React plugin: Vite's esbuild compiles the TSX with the automatic runtime.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { target: 'es2022' },
});
