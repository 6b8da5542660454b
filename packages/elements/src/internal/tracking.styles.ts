import { css } from 'lit';

/** What the tracking elements share: type, boxes, buttons, the visually hidden live region. */
export const trackingStyles = css`
  :host {
    display: block;
    font-family: var(--egov-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    font-size: var(--egov-font-size, 1rem);
    line-height: 1.5;
    color: var(--egov-color-text, #1b1b1b);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
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
    border-radius: 4px;
    font: inherit;
    font-weight: 600;
    color: #fff;
    background: var(--egov-color-primary, #0b5cab);
    text-decoration: none;
    cursor: pointer;
    box-sizing: border-box;
  }
  button.secondary {
    color: var(--egov-color-primary, #0b5cab);
    background: #fff;
    border-color: currentColor;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--egov-color-focus, #ffbf47);
    outline-offset: 2px;
  }
  .error {
    margin-block-end: 1rem;
    padding: 1rem;
    border: 4px solid var(--egov-color-error, #b3261e);
  }
  .error p {
    font-weight: 600;
  }
`;
