import { EgovTextarea } from './textarea.js';

export { EgovTextarea };

if (!customElements.get('egov-textarea')) customElements.define('egov-textarea', EgovTextarea);

declare global {
  interface HTMLElementTagNameMap {
    'egov-textarea': EgovTextarea;
  }
}
