import { EgovAddressField } from './address-field.js';

export { type AddressValue, EgovAddressField } from './address-field.js';

if (!customElements.get('egov-address-field')) {
  customElements.define('egov-address-field', EgovAddressField);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-address-field': EgovAddressField;
  }
}
