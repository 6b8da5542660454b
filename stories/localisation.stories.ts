import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement } from 'lit';
import '@egov-kit/elements/define';
import { messageIds, plural, registerTranslation, translate } from '@egov-kit/elements';

/**
 * The localisation layer for designers and agencies: every word of every element is a message
 * with an id; a site overrides one in its own words, or adds a locale, with
 * `registerTranslation()`. The demos below call it live; the table lists every id with its
 * Vietnamese and English words (docs/elements/localisation.md).
 */
class EgovLocalisationPage extends LitElement {
  static override properties = {
    wording: { state: true },
    french: { state: true },
    filter: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      font: 1rem/1.5 system-ui, sans-serif;
      max-width: 60rem;
    }
    .demo {
      border: 1px solid #b1b4b6;
      padding: 1rem;
      margin-block: 1rem 2rem;
    }
    label {
      display: block;
      font-weight: 600;
    }
    input[type='text'],
    input[type='search'] {
      font: inherit;
      padding: 0.25rem 0.5rem;
      inline-size: 100%;
      max-inline-size: 30rem;
      box-sizing: border-box;
    }
    button {
      font: inherit;
      padding: 0.25rem 0.75rem;
    }
    pre {
      background: #f3f2f1;
      color: #1b1b1b;
      padding: 0.75rem;
      /* Wrapped rather than scrolled: a scrolling box would need to take the focus. */
      white-space: pre-wrap;
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-block-end: 1px solid #b1b4b6;
      text-align: start;
      vertical-align: top;
    }
    code {
      font-size: 0.875rem;
    }
  `;

  declare wording: string;
  declare french: boolean;
  declare filter: string;

  constructor() {
    super();
    this.wording = '';
    this.french = false;
    this.filter = '';
  }

  private override(event: Event) {
    this.wording = (event.target as HTMLInputElement).value;
    // An empty override gives the shipped words back.
    registerTranslation('vi', { 'error-summary.title': this.wording || 'Có lỗi cần sửa' });
  }

  private addFrench() {
    registerTranslation('fr', {
      'error-summary.title': 'Il y a un problème',
      'form-control.errorPrefix': 'Erreur :',
      'textarea.charactersLeft': (count: number) =>
        plural('fr', count, {
          one: `Il vous reste ${count} caractère`,
          other: `Il vous reste ${count} caractères`,
        }),
      'textarea.limit': (max: number) => `Vous pouvez saisir ${max} caractères au plus.`,
    });
    this.french = true;
  }

  override render() {
    const items = [{ message: 'Nhập họ và tên.' }];
    const ids = messageIds()
      .filter((id) => id.includes(this.filter))
      .sort();
    return html`
      <h1>Localisation</h1>
      <p>
        Every word the elements show is a message with an id (<code>dossier-form.submit</code>,
        <code>file-upload.added</code>, <code>status.received</code>), in Vietnamese and English,
        found in the locale of the nearest <code>lang</code> attribute. A site changes any of them,
        or adds a language, with one call; the elements on the page follow at once.
      </p>

      <h2>Override a string</h2>
      <pre>registerTranslation('vi', { 'error-summary.title': 'Hồ sơ còn thiếu' });</pre>
      <div class="demo" lang="vi">
        <label for="wording">Your wording for <code>error-summary.title</code> (Vietnamese)</label>
        <input id="wording" type="text" .value=${this.wording} @input=${this.override} />
        <egov-error-summary .items=${items}></egov-error-summary>
      </div>

      <h2>Add a locale</h2>
      <pre>registerTranslation('fr', {
  'error-summary.title': 'Il y a un problème',
  'textarea.charactersLeft': (count) =>
    plural('fr', count, { one: \`Il vous reste \${count} caractère\`, other: \`Il vous reste \${count} caractères\` }),
});
// &lt;html lang="fr"&gt;: what French lacks falls back to English, then Vietnamese.</pre>
      <div class="demo" lang="fr">
        <button type="button" @click=${this.addFrench} ?disabled=${this.french}>
          ${this.french ? 'French added' : 'Add French'}
        </button>
        <egov-error-summary .items=${items}></egov-error-summary>
        <egov-textarea label="Motif" maxlength="20" value="Bonjour"></egov-textarea>
      </div>

      <h2>Every message</h2>
      <p>
        ${ids.length} ids of the elements loaded on this page. A message with parameters is a
        function in a translation: it gets them in the order of the Vietnamese and English
        definitions (see each component's <code>*.messages.ts</code>).
      </p>
      <label for="filter">Filter by id</label>
      <input id="filter" type="search" .value=${this.filter}
        @input=${(event: Event) => {
          this.filter = (event.target as HTMLInputElement).value;
        }} />
      <table>
        <thead><tr><th scope="col">Id</th><th scope="col">Tiếng Việt</th><th scope="col">English</th></tr></thead>
        <tbody>
          ${ids.map((id) => {
            const words = (locale: string) => {
              try {
                return translate({ id, args: ['…', 2, '…'] }, locale);
              } catch {
                return '(with parameters)';
              }
            };
            return html`<tr><td><code>${id}</code></td><td lang="vi">${words('vi')}</td><td lang="en">${words('en')}</td></tr>`;
          })}
        </tbody>
      </table>
    `;
  }
}
customElements.get('egov-localisation-page') ||
  customElements.define('egov-localisation-page', EgovLocalisationPage);

const meta: Meta = {
  title: 'Localisation',
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
  render: () => html`<egov-localisation-page></egov-localisation-page>`,
};
export default meta;

export const OverrideAndAddALocale: StoryObj = { name: 'Override a string, add a locale' };
