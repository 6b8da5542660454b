import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement } from 'lit';
// The elements and their one-line summaries come from the manifest the package ships: a new
// element is listed here at the next build, with the words of its own doc comment.
import manifest from '../packages/elements/custom-elements.json';

interface Declaration {
  customElement?: boolean;
  tagName?: string;
  name: string;
  summary?: string;
  description?: string;
}

const elements = (manifest.modules as { path: string; declarations?: Declaration[] }[])
  .flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => ({
        tag: declaration.tagName as string,
        folder: module.path.split('/')[1] ?? '',
        summary: (declaration.summary ?? declaration.description ?? '').split('\n\n')[0] ?? '',
      })),
  )
  .sort((a, b) => a.tag.localeCompare(b.tag));

/** The catalogue's first page: what the elements are, how to start, and every element. */
class EgovIntroduction extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 60rem;
      font: 1rem/1.6 system-ui, sans-serif;
      color: light-dark(#1b1b1b, #e8eaed);
    }
    code,
    pre {
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 0.875rem;
    }
    pre {
      padding: 0.75rem 1rem;
      overflow-x: auto;
      background: light-dark(#f3f2f1, #223040);
      border-radius: 0.25rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      padding: 0.5rem;
      text-align: start;
      vertical-align: top;
      border-block-end: 1px solid light-dark(#b1b4b6, #4a5663);
    }
    a {
      color: light-dark(#0b4f8a, #9cc7ff);
    }
  `;

  override render() {
    return html`
      <h1>egov-kit elements</h1>
      <p lang="vi">
        Các thành phần web dùng chung cho dịch vụ công trực tuyến: tìm thủ tục, điền tờ khai, nộp
        giấy tờ, ký, tra cứu và theo dõi hồ sơ. Tiếng Việt mặc định, tiếng Anh khi trang nói vậy;
        đạt WCAG 2.2 AA.
      </p>
      <p>
        Web components (Lit 3) an agency embeds in any site — plain HTML, a CMS, React, Vue,
        Angular — to let citizens find a procedure, fill in the application, attach and sign
        documents, and look up and follow their dossier. Vietnamese by default, English on
        <code>lang="en"</code>; accessible to WCAG 2.2 AA, checked with axe in every story, in the
        light and the dark theme.
      </p>
      <h2>Start</h2>
      <pre><code>npm install @egov-kit/elements

import '@egov-kit/elements/define';   // every element (or '@egov-kit/elements/text-field': one)</code></pre>
      <p>
        Without a build step, one <code>&lt;script type="module"&gt;</code> loads them all
        (docs/elements/cdn.md). Typings for React, Vue, Angular, Preact and Solid:
        docs/elements/frameworks.md. Server rendering: docs/elements/ssr.md.
      </p>
      <h2>Using this catalogue</h2>
      <ul>
        <li>
          <strong>Ngôn ngữ / Language</strong> in the toolbar switches every story between
          Vietnamese and English, as <code>lang</code> on the page does.
        </li>
        <li>
          <strong>Giao diện / Theme</strong> puts the story on a light or a dark page: the elements
          follow the page's <code>color-scheme</code>.
        </li>
        <li>
          <strong>Design tokens</strong> lists every <code>--egov-*</code> property;
          <strong>Theming</strong> shows an agency's brand applied to them.
        </li>
        <li>Each element's Docs page shows its description, properties, events, parts and tokens.</li>
      </ul>
      <h2>The elements</h2>
      <table>
        <thead>
          <tr><th scope="col">Element</th><th scope="col">Import</th><th scope="col">What it is</th></tr>
        </thead>
        <tbody>
          ${elements.map(
            ({ tag, folder, summary }) => html`<tr>
              <th scope="row"><code>&lt;${tag}&gt;</code></th>
              <td><code>@egov-kit/elements/${folder}</code></td>
              <td>${summary.replaceAll('`', '')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}
customElements.get('egov-introduction') ||
  customElements.define('egov-introduction', EgovIntroduction);

const meta: Meta = {
  title: 'Introduction',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
  render: () => html`<egov-introduction></egov-introduction>`,
};
export default meta;

export const Welcome: StoryObj = { name: 'Introduction' };
