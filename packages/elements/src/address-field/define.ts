import { EgovAddressField } from './address-field.js';

export { type AddressValue, EgovAddressField } from './address-field.js';

EgovAddressField.define('egov-address-field');

declare global {
  interface HTMLElementTagNameMap {
    'egov-address-field': EgovAddressField;
  }
}
