import { css } from 'lit';
import { hostStyles } from './host.styles.js';

/** What the tracking elements share: type, boxes, buttons, the visually hidden live region. */
export const trackingStyles = css`
  ${hostStyles}
  :host {
    overflow-wrap: anywhere;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .h1 {
    margin: 0 0 0.5rem;
    font-size: 1.5rem;
    font-weight: 700;
    line-height: 1.25;
  }
  .h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    font-weight: 700;
  }
  .button,
  button {
    display: inline-block;
    min-height: 44px;
    padding: 0.5rem 1.25rem;
    border: 2px solid transparent;
    border-radius: var(--_egov-radius);
    font: inherit;
    font-weight: 600;
    color: var(--_egov-color-on-accent);
    background: var(--_egov-color-accent);
    text-decoration: none;
    cursor: pointer;
    box-sizing: border-box;
  }
  button.secondary {
    color: var(--_egov-color-accent);
    background: var(--_egov-color-surface);
    border-color: currentColor;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
  }
  .error {
    margin-block-end: 1rem;
    padding: 1rem;
    border: 4px solid var(--_egov-color-error);
  }
  .error p {
    font-weight: 600;
  }
`;
