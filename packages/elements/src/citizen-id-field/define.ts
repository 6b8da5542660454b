import { EgovCitizenIdField } from './citizen-id-field.js';

export { EgovCitizenIdField };

EgovCitizenIdField.define('egov-citizen-id-field');

declare global {
  interface HTMLElementTagNameMap {
    'egov-citizen-id-field': EgovCitizenIdField;
  }
}
