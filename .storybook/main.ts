import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const elementsSource = (file: string) =>
  fileURLToPath(new URL(`../packages/elements/src/${file}`, import.meta.url));

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Stories run the elements' source, so a designer sees a change without a rebuild.
    const aliases = [
      { find: /^@egov-kit\/elements\/define$/, replacement: elementsSource('define.ts') },
      { find: /^@egov-kit\/elements$/, replacement: elementsSource('index.ts') },
      // A component's own entry (`@egov-kit/elements/digital-signature`): its define.ts.
      { find: /^@egov-kit\/elements\/([a-z-]+)$/, replacement: elementsSource('$1/define.ts') },
    ];
    const existing = viteConfig.resolve?.alias;
    viteConfig.resolve = {
      ...viteConfig.resolve,
      alias: [
        ...aliases,
        ...(Array.isArray(existing)
          ? existing
          : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement }))),
      ],
    };
    return viteConfig;
  },
};

export default config;
