import { EgovCheckbox } from './checkbox.js';

export { EgovCheckbox };

if (!customElements.get('egov-checkbox')) customElements.define('egov-checkbox', EgovCheckbox);

declare global {
  interface HTMLElementTagNameMap {
    'egov-checkbox': EgovCheckbox;
  }
}
