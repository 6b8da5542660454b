import { EgovPhoneField } from './phone-field.js';

export { EgovPhoneField };

EgovPhoneField.define('egov-phone-field');

declare global {
  interface HTMLElementTagNameMap {
    'egov-phone-field': EgovPhoneField;
  }
}
