import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement } from 'lit';
import '@egov-kit/elements/define';
// The one table the elements are built from (internal to the package, read here as source), and
// the descriptions the manifest carries: this page cannot drift from what ships.
import { tokenDocs } from '../packages/elements/src/internal/token-docs.js';
import {
  type ColorToken,
  colorTokens,
  deprecatedAliases,
  type OtherToken,
  otherTokens,
} from '../packages/elements/src/internal/tokens.js';

/** The token table with a swatch per scheme, and the same controls rendered light and dark. */
class EgovTokenTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 1rem/1.5 system-ui, sans-serif;
      color: #1b1b1b;
      background: #fff;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin-block-end: 2rem;
    }
    th,
    td {
      padding: 0.5rem;
      border-block-end: 1px solid #b1b4b6;
      text-align: start;
      vertical-align: top;
    }
    code {
      font-size: 0.875rem;
    }
    .swatch {
      display: inline-block;
      width: 1.5rem;
      height: 1.5rem;
      margin-inline-end: 0.5rem;
      vertical-align: middle;
      border: 1px solid #505a5f;
    }
    .samples {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .sample {
      padding: 1rem;
    }
    .sample.light {
      color-scheme: light;
      background: #fff;
      border: 1px solid #b1b4b6;
    }
    .sample.dark {
      color-scheme: dark;
      color: #e8eaed;
      background: #0f1720;
    }
  `;

  override render() {
    const colors = Object.entries(colorTokens) as [ColorToken, readonly string[]][];
    const others = Object.entries(otherTokens) as [OtherToken, string][];
    return html`
      <h1>Design tokens</h1>
      <p>
        Set any of these on an ancestor of the elements (<code>:root</code> themes them all). The
        elements follow the page's <code>color-scheme</code>; <code>theme="dark"</code> or
        <code>theme="light"</code> on an element forces one. Guide: docs/elements/theming.md.
      </p>
      <h2>Colours</h2>
      <table>
        <thead>
          <tr><th scope="col">Token</th><th scope="col">Light</th><th scope="col">Dark</th><th scope="col">Forced colours</th><th scope="col">For</th></tr>
        </thead>
        <tbody>
          ${colors.map(
            ([token, [light, dark, forced]]) => html`<tr>
              <th scope="row"><code>--egov-${token}</code>${
                deprecatedAliases[token]
                  ? html`<br /><small>old name: <code>--egov-${deprecatedAliases[token]}</code></small>`
                  : ''
              }</th>
              <td><span class="swatch" style="background:${light}"></span><code>${light}</code></td>
              <td><span class="swatch" style="background:${dark}"></span><code>${dark}</code></td>
              <td><code>${forced ?? '(the browser’s)'}</code></td>
              <td>${tokenDocs[token].replaceAll('`', '')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>Type, space, shape, focus</h2>
      <table>
        <thead>
          <tr><th scope="col">Token</th><th scope="col">Default</th><th scope="col">For</th></tr>
        </thead>
        <tbody>
          ${others.map(
            ([token, value]) => html`<tr>
              <th scope="row"><code>--egov-${token}</code></th>
              <td><code>${value === 'inherit' ? '(the page’s)' : value}</code></td>
              <td>${tokenDocs[token].replaceAll('`', '')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2>Both schemes</h2>
      <div class="samples">
        ${(['light', 'dark'] as const).map(
          (scheme) => html`<section class="sample ${scheme}" aria-label=${scheme}>
            <egov-text-field label="Họ và tên" hint="Như trên căn cước" required></egov-text-field>
            <egov-radio-group label="Giới tính" inline .options=${[
              { value: 'm', label: 'Nam' },
              { value: 'f', label: 'Nữ' },
            ]}></egov-radio-group>
            <egov-checkbox label="Tôi cam đoan khai đúng sự thật"></egov-checkbox>
            <egov-text-field label="Email" error="Nhập địa chỉ email đúng dạng."></egov-text-field>
          </section>`,
        )}
      </div>
    `;
  }
}
customElements.get('egov-token-table') || customElements.define('egov-token-table', EgovTokenTable);

const meta: Meta = {
  title: 'Design tokens',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
  render: () => html`<egov-token-table></egov-token-table>`,
};
export default meta;

export const AllTokens: StoryObj = { name: 'All tokens' };
