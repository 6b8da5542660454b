import { type CSSResult, unsafeCSS } from 'lit';
import { controlCss } from './control.css.js';

/**
 * The box a person types or chooses a value in — `<input>`, `<select>`, `<textarea>` with
 * `class="control"` —, after fieldStyles (field.styles.ts): 44 px tall, themed border, a focus
 * ring that shows on any background, the error colour when the field has one.
 */
export const controlStyles: CSSResult = unsafeCSS(controlCss);
