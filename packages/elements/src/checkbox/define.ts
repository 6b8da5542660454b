import { EgovCheckbox } from './checkbox.js';

export { EgovCheckbox };

EgovCheckbox.define('egov-checkbox');

declare global {
  interface HTMLElementTagNameMap {
    'egov-checkbox': EgovCheckbox;
  }
}
