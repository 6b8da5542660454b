/**
 * Every element renders on the server with Lit SSR (`@lit-labs/ssr`) — the built package, as a
 * site's server imports it — into declarative shadow DOM holding its real content, in each
 * language, and with the data that used to throw (`current.closest is not a function`): a tracked
 * dossier, a procedure, a receipt, a signature report. The elements come from the manifest, so
 * a new element is rendered here without being named.
 *
 * Hydration of this HTML in Chromium is checked by scripts/browser-checks.mjs ("ssr").
 */
import { readFileSync } from 'node:fs';
import type { Procedure } from '@egov-kit/schema';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDossier, receiptDossier } from '../test/fixtures/dossiers.js';
import { SIGNATURE_RESULTS } from '../test/fixtures/signature-results.js';

const manifest = JSON.parse(
  readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
) as { modules: { declarations?: { customElement?: boolean; tagName?: string }[] }[] };
const tags = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).flatMap((declaration) =>
    declaration.customElement && declaration.tagName ? [declaration.tagName] : [],
  ),
);
const procedures = JSON.parse(
  readFileSync(new URL('../test/fixtures/procedures.json', import.meta.url), 'utf8'),
) as Procedure[];
const procedure = procedures[0] as Procedure;

/** Properties that put an element in a state worth rendering, by tag; others render empty. */
const states: Record<string, Record<string, Record<string, unknown>>> = {
  'egov-dossier-tracker': {
    'in progress': demoDossier('in_progress'),
    'awaiting supplement': demoDossier('awaiting_supplement'),
    returned: demoDossier('returned'),
  },
  'egov-procedure-detail': { procedure: { procedure } },
  'egov-receipt': { received: { dossier: receiptDossier('received'), procedure } },
  'egov-signature-report': {
    valid: { result: SIGNATURE_RESULTS['valid-with-timestamp'] },
    revoked: { result: SIGNATURE_RESULTS.revoked },
  },
  'egov-dossier-form': {
    'a definition': {
      noDraft: true,
      definition: {
        id: 'ssr',
        version: 1,
        title: { vi: 'Tờ khai', en: 'Form' },
        sections: [
          {
            id: 'one',
            title: { vi: 'Người nộp', en: 'Applicant' },
            fields: [
              {
                name: 'fullName',
                type: 'text',
                label: { vi: 'Họ và tên', en: 'Full name' },
                required: true,
              },
              { name: 'born', type: 'date', label: { vi: 'Ngày sinh', en: 'Date of birth' } },
            ],
          },
        ],
      },
    },
  },
  'egov-select': {
    options: {
      options: [
        { value: 'a', label: 'Một' },
        { value: 'b', label: 'Hai' },
      ],
      value: 'b',
    },
  },
  'egov-radio-group': { options: { options: [{ value: 'a', label: 'Một' }] } },
  'egov-checkbox-group': { options: { options: [{ value: 'a', label: 'Một' }] } },
};

/** Elements that render nothing without their data (a form without a definition, a summary without errors). */
const emptyUntilGivenData = new Set(['egov-dossier-form', 'egov-error-summary', 'egov-receipt']);

/**
 * Elements whose content is drawn in the browser only: the dossier form shows once it has read
 * the device's draft (IndexedDB) and fetched its fields' elements, so the server sends its
 * (empty) shadow root — and the browser's first render matches it (docs/elements/ssr.md).
 */
const contentInTheBrowserOnly = new Set(['egov-dossier-form']);

/**
 * Renders one element to a string, as a server would send it: the attributes written out, each
 * property through a `.name=${value}` binding (the way Lit SSR sets properties).
 */
async function renderElement(
  tag: string,
  attributes: Record<string, string>,
  properties: Record<string, unknown>,
): Promise<string> {
  const open = `<${tag} ${Object.entries(attributes)
    .map(([key, value]) => `${key}="${value}"`)
    .join(' ')}`;
  const names = Object.keys(properties);
  const strings = [open, ...names.map(() => '')];
  names.forEach((name, index) => {
    strings[index] += ` .${name}=`;
  });
  strings[strings.length - 1] += `></${tag}>`;
  const template = Object.assign([...strings], { raw: [...strings] });
  return collectResult(render(html(template, ...names.map((name) => properties[name]))));
}

/** The text a person would see: tags, comments and styles dropped. */
const visibleText = (markup: string) =>
  markup
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  await import('@egov-kit/elements/define');
  await import('@egov-kit/elements/digital-signature');
});

describe('Lit SSR', () => {
  it('finds the elements in the manifest', () => {
    expect(tags.length).toBeGreaterThan(20);
  });

  for (const tag of tags) {
    const cases = { empty: {}, ...states[tag] };
    for (const [state, properties] of Object.entries(cases)) {
      for (const lang of ['vi', 'en']) {
        it(`renders <${tag}> (${state}, ${lang}) into declarative shadow DOM`, async () => {
          const markup = await renderElement(tag, { lang, label: 'Nhãn SSR' }, properties);
          expect(markup).toMatch(new RegExp(`^(<!--[^>]*-->)*<${tag} `));
          expect(markup).toContain('<template shadowroot="open" shadowrootmode="open"');
          // Something is rendered inside the shadow root, beyond the styles — but by the few
          // elements that are empty by design until given their data.
          if (state === 'empty' && emptyUntilGivenData.has(tag)) return;
          if (contentInTheBrowserOnly.has(tag)) return;
          const shadow = markup.slice(
            markup.indexOf('shadowrootmode'),
            markup.lastIndexOf('</template>'),
          );
          expect(shadow.replace(/<style[\s\S]*?<\/style>/g, '')).toMatch(/<[a-z]/);
        });
      }
    }
  }

  it('renders the words of the language asked for', async () => {
    const vi = visibleText(
      await renderElement('egov-dossier-tracker', { lang: 'vi' }, demoDossier('in_progress')),
    );
    const en = visibleText(
      await renderElement('egov-dossier-tracker', { lang: 'en' }, demoDossier('in_progress')),
    );
    expect(vi).not.toEqual(en);
    expect(vi).toContain(demoDossier('in_progress').dossier.code);
    expect(en).toContain(demoDossier('in_progress').dossier.code);
  });

  it('renders a field with its label and the server-side value', async () => {
    const markup = await renderElement(
      'egov-text-field',
      { lang: 'vi', label: 'Họ và tên', name: 'fullName' },
      { value: 'Nguyễn Văn A' },
    );
    expect(visibleText(markup)).toContain('Họ và tên');
    expect(markup).toMatch(/<input[^>]*value="Nguyễn Văn A"/);
  });

  it('renders the procedure with its name and the tracker with its dossier code', async () => {
    const detail = visibleText(
      await renderElement('egov-procedure-detail', { lang: 'vi' }, { procedure }),
    );
    expect(detail).toContain(procedure.name);
  });
});
