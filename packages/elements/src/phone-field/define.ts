import { EgovPhoneField } from './phone-field.js';

export { EgovPhoneField };

if (!customElements.get('egov-phone-field')) {
  customElements.define('egov-phone-field', EgovPhoneField);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-phone-field': EgovPhoneField;
  }
}
