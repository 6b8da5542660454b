import { EgovDateField } from './date-field.js';

export { EgovDateField };

if (!customElements.get('egov-date-field')) customElements.define('egov-date-field', EgovDateField);

declare global {
  interface HTMLElementTagNameMap {
    'egov-date-field': EgovDateField;
  }
}
