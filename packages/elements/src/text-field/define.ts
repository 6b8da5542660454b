import { EgovTextField } from './text-field.js';

export { EgovTextField };

EgovTextField.define('egov-text-field');

declare global {
  interface HTMLElementTagNameMap {
    'egov-text-field': EgovTextField;
  }
}
