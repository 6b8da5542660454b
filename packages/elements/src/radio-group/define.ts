import { EgovRadioGroup } from './radio-group.js';

export { EgovRadioGroup };

if (!customElements.get('egov-radio-group')) {
  customElements.define('egov-radio-group', EgovRadioGroup);
}

declare global {
  interface HTMLElementTagNameMap {
    'egov-radio-group': EgovRadioGroup;
  }
}
