import { EgovCheckboxGroup } from './checkbox-group.js';

export { EgovCheckboxGroup };

if (!customElements.get('egov-checkbox-group')) {
  customElements.define('egov-checkbox-group', EgovCheckboxGroup);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-checkbox-group': EgovCheckboxGroup;
  }
}
