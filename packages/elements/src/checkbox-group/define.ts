import { EgovCheckboxGroup } from './checkbox-group.js';

export { EgovCheckboxGroup };

EgovCheckboxGroup.define('egov-checkbox-group');

declare global {
  interface HTMLElementTagNameMap {
    'egov-checkbox-group': EgovCheckboxGroup;
  }
}
