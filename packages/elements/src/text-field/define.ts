import { EgovTextField } from './text-field.js';

export { EgovTextField };

if (!customElements.get('egov-text-field')) customElements.define('egov-text-field', EgovTextField);

declare global {
  interface HTMLElementTagNameMap {
    'egov-text-field': EgovTextField;
  }
}
