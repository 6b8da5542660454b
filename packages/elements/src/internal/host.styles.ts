import { css } from 'lit';

/**
 * How every element's box starts: a block in the page's themed type and text colour, gone when
 * `hidden`. Elements add their own `:host` rules (spacing) after it.
 */
export const hostStyles = css`
  :host {
    display: block;
    font-family: var(--egov-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    font-size: var(--egov-font-size, 1rem);
    line-height: 1.5;
    color: var(--egov-color-text, #1b1b1b);
  }

  :host([hidden]) {
    display: none;
  }
`;
