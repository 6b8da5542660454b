/**
 * The custom-elements manifest feeds the JSX, Vue and editor typings and the Storybook docs: an
 * attribute in it is one a page may set. Internal reactive state must not be listed — the
 * analyzer reads every entry of a static `properties` as an attribute, `{ state: true }` too
 * (custom-elements-manifest.config.mjs drops those).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Declaration {
  customElement?: boolean;
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { kind: string; name: string; privacy?: string }[];
}

const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((declaration) => declaration.customElement),
);

describe('the manifest', () => {
  it('lists as attributes only public properties', () => {
    const internal = elements.flatMap((element) =>
      (element.attributes ?? []).flatMap((attribute) => {
        const field = element.members?.find(
          (member) => member.kind === 'field' && member.name === attribute.fieldName,
        );
        return field?.privacy === 'private' || field?.privacy === 'protected'
          ? [`${element.tagName}: ${attribute.name}`]
          : [];
      }),
    );
    expect(elements.length).toBeGreaterThan(20);
    expect(internal).toEqual([]);
  });

  it('keeps the state of the base classes out of every control', () => {
    const checkbox = elements.find((element) => element.tagName === 'egov-checkbox');
    const names = (checkbox?.attributes ?? []).map((attribute) => attribute.name);
    expect(names).toContain('required');
    expect(names).not.toContain('errorShown');
    expect(names).not.toContain('formDisabled');
  });
});
