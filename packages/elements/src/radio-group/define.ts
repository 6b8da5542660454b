import { EgovRadioGroup } from './radio-group.js';

export { EgovRadioGroup };

EgovRadioGroup.define('egov-radio-group');

declare global {
  interface HTMLElementTagNameMap {
    'egov-radio-group': EgovRadioGroup;
  }
}
