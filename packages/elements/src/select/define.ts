import { EgovSelect } from './select.js';

export { EgovSelect };

if (!customElements.get('egov-select')) customElements.define('egov-select', EgovSelect);

declare global {
  interface HTMLElementTagNameMap {
    'egov-select': EgovSelect;
  }
}
