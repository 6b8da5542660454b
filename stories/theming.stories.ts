import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '@egov-kit/elements/define';

/** An agency's brand, as the few tokens it sets (docs/elements/theming.md). */
type Args = {
  accentLight: string;
  accentDark: string;
  onAccentLight: string;
  onAccentDark: string;
  radius: string;
  fontFamily: string;
};

/** The CSS a site writes for these choices: what this page shows, to copy. */
const css = (args: Args) => `:root {
  color-scheme: light dark; /* the page has a dark mode: the elements follow it */
  --egov-color-accent: light-dark(${args.accentLight}, ${args.accentDark});
  --egov-color-on-accent: light-dark(${args.onAccentLight}, ${args.onAccentDark});
  --egov-radius: ${args.radius};
  font-family: ${args.fontFamily}; /* the elements inherit the page's font */
}`;

const sample = (scheme: 'light' | 'dark', args: Args) => html`<section
  aria-label=${scheme === 'light' ? 'Sáng / Light' : 'Tối / Dark'}
  style=${styleMap({
    colorScheme: scheme,
    padding: '1rem',
    color: scheme === 'light' ? '#1b1b1b' : '#e8eaed',
    background: scheme === 'light' ? '#fff' : '#0f1720',
    border: '1px solid #8d99a6',
    fontFamily: args.fontFamily,
    '--egov-color-accent': `light-dark(${args.accentLight}, ${args.accentDark})`,
    '--egov-color-on-accent': `light-dark(${args.onAccentLight}, ${args.onAccentDark})`,
    '--egov-radius': args.radius,
  })}
>
  <h2 style="margin-block-start: 0">${scheme === 'light' ? 'Sáng / Light' : 'Tối / Dark'}</h2>
  <egov-text-field label="Họ và tên" hint="Như trên căn cước" required></egov-text-field>
  <egov-radio-group
    label="Hình thức nhận kết quả"
    .options=${[{ value: 'online', label: 'Trực tuyến' }, { value: 'post', label: 'Qua bưu điện' }]}
    value="online"
  ></egov-radio-group>
  <egov-checkbox label="Tôi cam đoan khai đúng sự thật" checked></egov-checkbox>
  <egov-text-field label="Email" error="Nhập địa chỉ email đúng dạng."></egov-text-field>
  <egov-file-upload label="Giấy tờ kèm theo" accept=".pdf"></egov-file-upload>
</section>`;

const meta: Meta<Args> = {
  title: 'Theming',
  tags: ['!autodocs'],
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'An agency brand applied through the public tokens, in the light and the dark scheme at once.',
      },
    },
  },
  args: {
    accentLight: '#7a1d1d',
    accentDark: '#ffb3b3',
    onAccentLight: '#ffffff',
    onAccentDark: '#3b0909',
    radius: '0',
    fontFamily: 'Georgia, "DejaVu Serif", serif',
  },
  argTypes: {
    accentLight: { control: 'color', description: '--egov-color-accent on a light page' },
    accentDark: { control: 'color', description: '--egov-color-accent on a dark page' },
    onAccentLight: { control: 'color', description: '--egov-color-on-accent, light' },
    onAccentDark: { control: 'color', description: '--egov-color-on-accent, dark' },
    radius: { control: 'text', description: '--egov-radius' },
    fontFamily: { control: 'text', description: 'the page font, which the elements inherit' },
  },
  render: (args) => html`
    <div style="max-width: 64rem; font: 1rem/1.5 system-ui, sans-serif">
      <h1>Theming</h1>
      <p>
        An agency sets a few tokens on its page — its colour, for both schemes, the corners, its
        font — and every element follows, in the light and the dark scheme alike. Change them in
        the controls below; the CSS to copy is under the samples. Every token:
        <strong>Design tokens</strong>. Guide: docs/elements/theming.md.
      </p>
      <p>
        Pick each accent so that it keeps 3:1 against the surface and its text 4.5:1 against it
        (WCAG 2.2, 1.4.11 and 1.4.3): the defaults of this page do, in both schemes.
      </p>
      <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem">
        ${sample('light', args)} ${sample('dark', args)}
      </div>
      <h2>The CSS</h2>
      <pre style="padding: 1rem; overflow-x: auto; border: 1px solid #8d99a6"><code>${css(args)}</code></pre>
      <h2>One element, one scheme</h2>
      <p>
        <code>theme="dark"</code> or <code>theme="light"</code> on an element forces that scheme
        whatever the page says, e.g. a dark panel on a light page:
      </p>
      <div style="padding: 1rem; background: #0f1720; color: #e8eaed">
        <egov-text-field theme="dark" label="Mã hồ sơ" hint="Trên giấy biên nhận"></egov-text-field>
      </div>
    </div>
  `,
};
export default meta;

export const AgencyBrand: StoryObj<Args> = { name: 'An agency brand' };
