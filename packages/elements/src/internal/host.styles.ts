import { css } from 'lit';
import { tokenStyles } from './tokens.js';

/**
 * How every element's box starts: the design tokens (see tokens.ts), then a block in the page's
 * font and the themed text colour, gone when `hidden`. Elements add their own `:host` rules
 * (spacing) after it.
 */
export const hostStyles = css`
  ${tokenStyles}

  :host {
    display: block;
    font-family: var(--_egov-font-family);
    font-size: var(--_egov-font-size);
    line-height: var(--_egov-line-height);
    color: var(--_egov-color-text);
  }

  :host([hidden]) {
    display: none;
  }
`;
