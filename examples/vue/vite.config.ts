import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // The egov- tags are custom elements: Vue sets their properties and listens to their events.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('egov-') } },
    }),
  ],
  build: { target: 'es2022' },
});
