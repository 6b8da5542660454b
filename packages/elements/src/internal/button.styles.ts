import { type CSSResult, unsafeCSS } from 'lit';
import { buttonCss } from './button.css.js';

/**
 * The buttons of the form elements (upload, signature pad, dossier form, digital signature):
 * outlined in the accent colour, `.primary` filled, 44 px tall (WCAG 2.2 target size), a focus
 * ring that shows on any background, dimmed when disabled. Elements override what differs
 * (padding, the disabled cursor) after it.
 */
export const buttonStyles: CSSResult = unsafeCSS(buttonCss);
