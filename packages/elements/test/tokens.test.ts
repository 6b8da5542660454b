import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
// Every element, for the manifest check; the focus checks use six of them.
import '../src/define.js';
import '../src/digital-signature/define.js';
import { type ColorToken, colorTokens, otherTokens, tokenCss } from '../src/internal/tokens.js';
import { contrast, parseColor } from './contrast.js';
import { realProcedures } from './helpers.js';

const procedures = await realProcedures();

const THEMES = { light: 0, dark: 1 } as const;
type Theme = keyof typeof THEMES;
const tone = (token: ColorToken, theme: Theme) => colorTokens[token][THEMES[theme]];

/** [foreground, background, minimum]: WCAG 1.4.3 text 4.5:1, 1.4.11 non-text 3:1. */
const PAIRS: [ColorToken, ColorToken, number][] = [
  ...(['color-surface', 'color-surface-muted', 'color-readonly', 'color-notice'] as const).flatMap(
    (surface): [ColorToken, ColorToken, number][] => [
      ['color-text', surface, 4.5],
      ['color-hint', surface, 4.5],
      ['color-error', surface, 4.5],
      ['color-link', surface, 4.5],
      ['color-accent', surface, 4.5],
      ['color-success', surface, 4.5],
      ['color-warning', surface, 4.5],
      ['color-border', surface, 3],
      ['color-focus', surface, 3],
    ],
  ),
  ['color-on-accent', 'color-accent', 4.5],
  ['color-on-error', 'color-error', 4.5],
];

describe('design tokens: contrast computed from the token table', () => {
  it('measures what WCAG measures (the old yellow ring on white is 1.6:1)', () => {
    expect(contrast('#ffbf47', '#fff')).to.be.within(1.6, 1.7);
    expect(contrast('#000', '#fff')).to.equal(21);
    expect(contrast('rgb(27, 27, 27)', '#1b1b1b')).to.equal(1);
  });

  for (const theme of Object.keys(THEMES) as Theme[]) {
    it(`every pair meets its minimum in the ${theme} theme`, () => {
      const failures: string[] = [];
      const report: string[] = [];
      for (const [fg, bg, minimum] of PAIRS) {
        const ratio = contrast(tone(fg, theme), tone(bg, theme));
        report.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
        if (ratio < minimum) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)} < ${minimum}`);
      }
      // The figures, for the changeset and the theming guide.
      console.log(`[${theme}] ${report.filter((line) => line.includes('surface:')).join('; ')}`);
      expect(failures).to.deep.equal([]);
    });
  }
});

/** The element that has focus, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The first opaque background behind `element` (its parents, crossing shadow roots). */
function backgroundBehind(element: Element): string {
  let current: Element | null = element.parentElement ?? (element.getRootNode() as ShadowRoot).host;
  while (current) {
    const background = getComputedStyle(current).backgroundColor;
    if (parseColor(background)[3] === 1) return background;
    const parent: Element | null = current.parentElement;
    current = parent ?? ((current.getRootNode() as ShadowRoot).host || null);
  }
  throw new Error('no opaque background: the test page sets one');
}

const ELEMENTS: [string, () => TemplateResult][] = [
  ['text field input', () => html`<egov-text-field label="Họ và tên"></egov-text-field>`],
  [
    'radio',
    () =>
      html`<egov-radio-group label="Giới tính"><option value="m">Nam</option><option value="f">Nữ</option></egov-radio-group>`,
  ],
  ['checkbox', () => html`<egov-checkbox label="Tôi cam đoan"></egov-checkbox>`],
  ['lookup input', () => html`<egov-dossier-lookup></egov-dossier-lookup>`],
  ['search input', () => html`<egov-procedure-search></egov-procedure-search>`],
  ['upload button', () => html`<egov-file-upload label="Tệp"></egov-file-upload>`],
];

/** How each case makes the page and the element light or dark. */
const CASES: {
  name: string;
  dark: boolean;
  setUp: () => Promise<void>;
  attribute?: string;
}[] = [
  { name: 'light (default)', dark: false, setUp: async () => {} },
  {
    name: 'dark, forced by theme="dark"',
    dark: true,
    attribute: 'dark',
    setUp: async () => {},
  },
  {
    name: 'dark, following prefers-color-scheme on a page that supports dark',
    dark: true,
    setUp: async () => {
      document.documentElement.style.colorScheme = 'light dark';
      await emulateMedia({ colorScheme: 'dark' });
    },
  },
  {
    name: 'light, forced by theme="light" on a dark page',
    dark: false,
    attribute: 'light',
    setUp: async () => {
      document.documentElement.style.colorScheme = 'dark';
    },
  },
];

describe('design tokens: focus rings computed in the browser', () => {
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    document.documentElement.style.background = '';
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const { name, dark, setUp, attribute } of CASES) {
    for (const [what, template] of ELEMENTS) {
      it(`${what}: ${name} — ring ≥ 3:1 against what is behind it`, async () => {
        await setUp();
        const wrapper = await fixture<HTMLDivElement>(
          html`<div><button id="before">before</button>${template()}</div>`,
        );
        const element = wrapper.lastElementChild as HTMLElement;
        if (attribute) element.setAttribute('theme', attribute);
        // The page is painted in the theme's surface, as a page in that theme would be.
        const surface = colorTokens['color-surface'][dark ? 1 : 0];
        document.documentElement.style.background = surface;
        const text = getComputedStyle(element).color;
        expect(text, "the text colour is the theme's").to.equal(
          rgb(colorTokens['color-text'][dark ? 1 : 0]),
        );

        (wrapper.querySelector('#before') as HTMLButtonElement).focus();
        await sendKeys({ press: 'Tab' });
        const focused = deepActive();
        expect(focused, 'Tab reached a control inside the element').to.not.equal(
          wrapper.querySelector('#before'),
        );
        const style = getComputedStyle(focused as Element);
        expect(style.outlineStyle).to.equal('solid');
        expect(Number.parseFloat(style.outlineWidth)).to.be.at.least(3);
        const behind = backgroundBehind(focused as Element);
        const ratio = contrast(style.outlineColor, behind);
        expect(ratio, `${style.outlineColor} on ${behind}`).to.be.at.least(3);
      });
    }
  }

  it('stays light on a page that says nothing about dark, as native controls do', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const element = await fixture<HTMLElement>(
      html`<egov-text-field label="Tên"></egov-text-field>`,
    );
    expect(getComputedStyle(element).color).to.equal(rgb(colorTokens['color-text'][0]));
  });

  it('a colour an agency sets wins in both themes; the old brand name still works', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--egov-color-focus: #c00; --egov-color-primary: #123456">
        <egov-dossier-lookup theme="dark"></egov-dossier-lookup>
      </div>`,
    );
    const lookup = wrapper.querySelector('egov-dossier-lookup') as HTMLElement;
    await (lookup as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const button = lookup.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(18, 52, 86)');
    const input = lookup.shadowRoot?.querySelector('input') as HTMLInputElement;
    input.focus();
    expect(getComputedStyle(input).outlineColor).to.equal('rgb(204, 0, 0)');
  });

  it('inherits the page font unless --egov-font-family says otherwise', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font-family: Georgia, serif">
        <egov-text-field label="A"></egov-text-field>
        <egov-text-field label="B" style="--egov-font-family: monospace"></egov-text-field>
      </div>`,
    );
    const inherited = wrapper.querySelector('egov-text-field') as HTMLElement;
    const themed = wrapper.querySelector('egov-text-field[style]') as HTMLElement;
    expect(getComputedStyle(inherited).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(themed).fontFamily).to.equal('monospace');
    const input = inherited.shadowRoot?.querySelector('input') as HTMLInputElement;
    expect(getComputedStyle(input).fontFamily).to.equal('Georgia, serif');
  });

  it('uses system colours in forced-colours mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const element = await fixture<HTMLElement>(
        html`<egov-text-field label="Tên" style="--egov-color-focus: #ffbf47"></egov-text-field>`,
      );
      const input = element.shadowRoot?.querySelector('input') as HTMLInputElement;
      input.focus();
      const style = getComputedStyle(input);
      expect(style.outlineStyle).to.equal('solid');
      // Highlight, whatever the agency set: the person's own colours win.
      expect(style.outlineColor).to.not.equal('rgb(255, 191, 71)');
      expect(style.borderTopStyle).to.equal('solid');
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});

/** `#rrggbb` as Chromium reports a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = parseColor(hex);
  return `rgb(${r}, ${g}, ${b})`;
}

describe('design tokens: documented everywhere a person looks', () => {
  const names = [...Object.keys(colorTokens), ...Object.keys(otherTokens)].map(
    (token) => `--egov-${token}`,
  );

  it('the theming guide and the README name every token', async () => {
    const guide = await (await fetch('/docs/elements/theming.md')).text();
    const readme = await (await fetch('/packages/elements/README.md')).text();
    expect(names.filter((name) => !guide.includes(`\`${name}\``))).to.deep.equal([]);
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).to.deep.equal([]);
  });

  it('the manifest lists, for every element, each custom property its styles read', async () => {
    const response = await fetch('/packages/elements/custom-elements.json');
    expect(response.ok, 'custom-elements.json: run the package build first').to.equal(true);
    const manifest = (await response.json()) as {
      modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
    };
    const missing: string[] = [];
    let elements = 0;
    for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
      const element = declaration.tagName && customElements.get(declaration.tagName);
      if (!element) continue;
      elements += 1;
      const listed = new Set((declaration.cssProperties ?? []).map((property) => property.name));
      const css = (element as unknown as typeof LitElement).elementStyles
        .map((style) => ('cssText' in style ? style.cssText : ''))
        .join('');
      for (const name of new Set(css.match(/--egov-[a-z0-9-]+/g))) {
        if (!listed.has(name)) missing.push(`${declaration.tagName}: ${name}`);
      }
      for (const name of names) {
        if (!listed.has(name)) missing.push(`${declaration.tagName}: ${name}`);
      }
    }
    expect(elements, 'elements checked').to.be.at.least(20);
    expect(missing).to.deep.equal([]);
  });
});

describe('dark theme: axe finds nothing, contrast included', () => {
  afterEach(() => {
    document.documentElement.style.colorScheme = '';
    document.documentElement.style.background = '';
    document.documentElement.style.color = '';
  });

  const CASES: [string, () => TemplateResult][] = [
    [
      'fields with hints, errors and a read-only value',
      () => html`<div>
        <egov-text-field label="Họ và tên" hint="Như trên căn cước" required error="Nhập họ và tên."></egov-text-field>
        <egov-text-field label="Mã hồ sơ" readonly value="HS-1"></egov-text-field>
        <egov-textarea label="Ghi chú" maxlength="100"></egov-textarea>
        <egov-date-field label="Ngày sinh" hint="Ví dụ: 27 3 2007"></egov-date-field>
        <egov-select label="Dân tộc" .options=${[{ value: 'kinh', label: 'Kinh' }]}></egov-select>
        <egov-radio-group label="Giới tính" inline .options=${[
          { value: 'm', label: 'Nam' },
          { value: 'f', label: 'Nữ' },
        ]}></egov-radio-group>
        <egov-checkbox label="Tôi cam đoan" error="Hãy đánh dấu ô này."></egov-checkbox>
        <egov-file-upload label="Ảnh" hint="JPG, tối đa 2 MB"></egov-file-upload>
      </div>`,
    ],
    ['the lookup', () => html`<egov-dossier-lookup></egov-dossier-lookup>`],
    [
      'the digital signature (its cards follow the surface, not white)',
      () => html`<egov-digital-signature
        .document=${new File([new Uint8Array([37, 80, 68, 70])], 'don.pdf', { type: 'application/pdf' })}
      ></egov-digital-signature>`,
    ],
    [
      'search results',
      () =>
        html`<egov-procedure-search query="khai sinh" .procedures=${procedures}></egov-procedure-search>`,
    ],
  ];

  for (const [what, template] of CASES) {
    it(`${what}, on a dark page`, async () => {
      document.documentElement.style.colorScheme = 'dark';
      document.documentElement.style.background = colorTokens['color-surface'][1];
      document.documentElement.style.color = colorTokens['color-text'][1];
      const element = await fixture<HTMLElement>(template());
      await new Promise((resolve) => setTimeout(resolve, 50));
      const label = (element.querySelector('egov-text-field') ?? element).shadowRoot?.querySelector(
        'label',
      );
      if (label) expect(getComputedStyle(label).color).to.equal(rgb(colorTokens['color-text'][1]));
      const card = element.shadowRoot?.querySelector('.card');
      if (card) {
        expect(getComputedStyle(card).backgroundColor).to.equal(
          rgb(colorTokens['color-surface'][1]),
        );
      }
      await expect(element).to.be.accessible();
    });
  }
});

describe('design tokens: browsers without light-dark()', () => {
  /** A shadow root styled by `tokens` with an input that reads them as the elements do. */
  function inputStyledBy(tokens: string): { input: HTMLInputElement; remove: () => void } {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${tokens}
      input { border: 2px solid var(--_egov-color-border);
        outline: var(--_egov-focus-width) solid var(--_egov-color-focus); }</style><input>`;
    return { input: root.querySelector('input') as HTMLInputElement, remove: () => host.remove() };
  }

  it('what it guards against: a token the browser cannot read drops the whole border', () => {
    const { input, remove } = inputStyledBy(tokenCss(true).replaceAll('light-dark(', 'unknown('));
    expect(getComputedStyle(input).borderTopStyle).to.equal('none');
    remove();
  });

  it('the fallback uses the light values: borders and the focus ring stay', () => {
    const fallback = tokenCss(false);
    expect(fallback).to.not.include('light-dark');
    const { input, remove } = inputStyledBy(fallback);
    const style = getComputedStyle(input);
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.borderTopColor).to.equal(rgb(colorTokens['color-border'][0]));
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineColor).to.equal(rgb(colorTokens['color-focus'][0]));
    remove();
  });
});
