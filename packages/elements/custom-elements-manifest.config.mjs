/** Custom Elements Manifest analyzer: feeds Storybook's docs, editors and framework typings. */

// The design tokens, from the one table (src/internal/tokens.ts, compiled to dist by `tsc`
// before this runs) and their descriptions (token-docs.ts). Every element declares every token
// on its :host, so every element answers to all of them: list them all on each.
const { colorTokens, otherTokens, deprecatedAliases } = await import('./dist/internal/tokens.js');
const { tokenDocs } = await import('./dist/internal/token-docs.js');

const tokenProperties = [
  ...Object.entries(colorTokens).map(([token, [light, dark]]) => ({
    name: `--egov-${token}`,
    description: `${tokenDocs[token]} Light ${light}, dark ${dark}.`,
    default: `light-dark(${light}, ${dark})`,
    syntax: '<color>',
  })),
  ...Object.entries(otherTokens).map(([token, value]) => ({
    name: `--egov-${token}`,
    description: tokenDocs[token],
    ...(value === 'inherit' ? {} : { default: value }),
  })),
  ...Object.entries(deprecatedAliases).map(([token, alias]) => ({
    name: `--egov-${alias}`,
    description: `Deprecated: the old name of \`--egov-${token}\`, removed in the next release.`,
    deprecated: `Use --egov-${token}.`,
  })),
];

const themeAttribute = {
  name: 'theme',
  type: { text: "'light' | 'dark'" },
  description:
    'Forces the light or the dark theme. Unset, the element follows the `color-scheme` where it sits (docs/elements/theming.md).',
};

/**
 * Adds the tokens to each element's `cssProperties` (an element's own description wins) and the
 * `theme` attribute to its attributes.
 */
function designTokens() {
  return {
    name: 'egov-design-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const own = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
          declaration.cssProperties = [
            ...tokenProperties.map((token) => {
              const mine = own.get(token.name);
              own.delete(token.name);
              return mine?.description ? { ...token, description: mine.description } : token;
            }),
            ...own.values(),
          ];
          // Read by the token layer's CSS (:host([theme=dark])), not a Lit property: declared
          // here so that editors and Storybook know it.
          if (!declaration.attributes?.some((attribute) => attribute.name === 'theme')) {
            declaration.attributes = [...(declaration.attributes ?? []), themeAttribute];
          }
        }
      }
    },
  };
}

export default {
  // define.ts files stay in: they are where the analyzer learns each class's tag name.
  // The internal bases are analysed so that every control lists the members it inherits.
  globs: ['src/**/*.ts'],
  exclude: [
    'src/internal/!(form-control|text-input|choice-control).ts',
    'src/**/*.styles.ts',
    'src/bundle.ts',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [designTokens()],
};
