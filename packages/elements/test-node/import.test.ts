/**
 * `import '@egov-kit/elements'` (and every entry that registers elements) is safe in Node —
 * a server that renders pages, a test runner, a static-site generator — with no DOM shim
 * installed first. Its own file: vitest runs each file in a fresh process, so nothing else has
 * put a DOM on `globalThis` before it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
) as { modules: { declarations?: { customElement?: boolean; tagName?: string }[] }[] };
const tags = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).flatMap((declaration) =>
    declaration.customElement && declaration.tagName ? [declaration.tagName] : [],
  ),
);

describe('the elements in Node', () => {
  it('has no DOM before the imports', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('imports the classes, /define, each element entry and the React wrappers', async () => {
    const classes = await import('@egov-kit/elements');
    expect(typeof classes.EgovTextField).toBe('function');
    await import('@egov-kit/elements/define');
    await import('@egov-kit/elements/digital-signature');
    const react = await import('@egov-kit/elements/react');
    expect(typeof react.EgovDossierForm).toBe('object');
  });

  it('registers every element of the manifest with the server-side registry', async () => {
    await import('@egov-kit/elements/define');
    await import('@egov-kit/elements/digital-signature');
    expect(tags.length).toBeGreaterThan(20);
    expect(tags.filter((tag) => customElements.get(tag) === undefined)).toEqual([]);
  });
});
