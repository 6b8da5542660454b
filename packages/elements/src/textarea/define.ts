import { EgovTextarea } from './textarea.js';

export { EgovTextarea };

EgovTextarea.define('egov-textarea');

declare global {
  interface HTMLElementTagNameMap {
    'egov-textarea': EgovTextarea;
  }
}
