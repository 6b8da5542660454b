import { EgovSelect } from './select.js';

export { EgovSelect };

EgovSelect.define('egov-select');

declare global {
  interface HTMLElementTagNameMap {
    'egov-select': EgovSelect;
  }
}
