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

/**
 * Teaches the analyzer the elements' own registration, `EgovTextField.define('egov-text-field')`
 * (EgovElement's static `define()`, in each define.ts), which it does not know: without this the
 * manifest lists no tag names, and Storybook, the editors and every typing generated from it
 * lose the elements. Records each call as the analyzer records a `customElements.define`.
 */
function egovDefineCalls() {
  /** Class name → tag. */
  const tags = new Map();
  /** Tag → the module path of the define call, for the manifest's definition export. */
  const definedIn = new Map();
  return {
    name: 'egov-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'define') return;
      if (!ts.isIdentifier(callee.expression)) return;
      const [tag] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !tag.text.includes('-')) return;
      tags.set(callee.expression.text, tag.text);
      definedIn.set(tag.text, { path: moduleDoc.path, className: callee.expression.text });
    },
    packageLinkPhase({ customElementsManifest }) {
      const declaredIn = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (declaration.kind !== 'class' || !tag) continue;
          declaration.customElement = true;
          declaration.tagName = tag;
          declaredIn.set(declaration.name, module.path);
        }
      }
      for (const module of customElementsManifest.modules) {
        for (const [tag, { path, className }] of definedIn) {
          if (module.path !== path) continue;
          module.exports ??= [];
          if (
            module.exports.some(
              (entry) => entry.kind === 'custom-element-definition' && entry.name === tag,
            )
          )
            continue;
          module.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: declaredIn.get(className) ?? path },
          });
        }
      }
    },
  };
}

/**
 * Internal reactive state declared without decorators — `{ state: true }` in a class's static
 * `properties` (EgovElement, FormControl and the elements on a first screen declare them so, to
 * keep Lit's decorator code out of the first load) — is no attribute: the analyzer reads every
 * entry of `properties` as one. Drops those attributes, inherited ones too, so that the typings
 * and docs generated from the manifest list only what a page may set.
 */
function staticStateProperties() {
  /** `Class.field` of every `{ state: true }` entry. */
  const states = new Set();
  return {
    name: 'egov-static-state-properties',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const init = member.initializer;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        for (const entry of init.properties) {
          if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer))
            continue;
          const isState = entry.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) states.add(`${node.name.text}.${entry.name.getText()}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.attributes) continue;
          declaration.attributes = declaration.attributes.filter((attribute) => {
            const owner = attribute.inheritedFrom?.name ?? declaration.name;
            return !states.has(`${owner}.${attribute.fieldName}`);
          });
        }
      }
    },
  };
}

/**
 * Gives every event its type from the `GlobalEventHandlersEventMap` declaration beside the
 * element (the declaration TypeScript already checks `addEventListener` against), so that the
 * manifest says `CustomEvent<DossierSubmitDetail>`, not `CustomEvent` — and typings generated
 * from it no `CustomEvent<never>`. An `egov-*` event documented with `@event` but missing from
 * the map fails the build: the map is the one place its detail type lives. Native events
 * (`input`, `change`) without a map entry are plain `Event`s.
 */
function eventDetailTypes() {
  /** Event name → its type's text, from every `GlobalEventHandlersEventMap` in the sources. */
  const eventTypes = new Map();
  return {
    name: 'egov-event-detail-types',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'GlobalEventHandlersEventMap')
        return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !member.name) continue;
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
        // `CustomEvent<import('./file-upload.js').FileRejectedDetail>` → `CustomEvent<FileRejectedDetail>`
        const text = member.type.getText().replace(/import\((['"])[^'"]+\1\)\./g, '');
        eventTypes.set(name, text);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const missing = [];
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          // The base's generic `emit(type, …)` is read as an event named "type": not an event.
          declaration.events = (declaration.events ?? []).filter(
            (event) =>
              declaration.name !== 'EgovElement' && event.inheritedFrom?.name !== 'EgovElement',
          );
          for (const event of declaration.events) {
            const text = eventTypes.get(event.name);
            if (text) event.type = { text };
            else if (event.name.startsWith('egov-'))
              missing.push(`${declaration.tagName ?? declaration.name}: ${event.name}`);
            else event.type = { text: 'Event' };
          }
        }
      }
      if (missing.length) {
        throw new Error(
          `Events without a GlobalEventHandlersEventMap entry (declare their detail type in the element's define.ts):\n  ${missing.join('\n  ')}`,
        );
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
  // The tag names first: the others work on the elements they find.
  plugins: [egovDefineCalls(), designTokens(), eventDetailTypes(), staticStateProperties()],
};
