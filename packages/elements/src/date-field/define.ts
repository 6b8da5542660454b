import { EgovDateField } from './date-field.js';

export { EgovDateField };

EgovDateField.define('egov-date-field');

declare global {
  interface HTMLElementTagNameMap {
    'egov-date-field': EgovDateField;
  }
}
