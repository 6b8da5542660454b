import { EgovCitizenIdField } from './citizen-id-field.js';

export { EgovCitizenIdField };

if (!customElements.get('egov-citizen-id-field')) {
  customElements.define('egov-citizen-id-field', EgovCitizenIdField);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-citizen-id-field': EgovCitizenIdField;
  }
}
