import { css } from 'lit';

/**
 * The anatomy every field shares — label, hint, error, control — so that all controls look and
 * behave alike. Colours meet WCAG 2.2 AA contrast on white; every colour and size is a custom
 * property an agency can theme.
 */
export const fieldStyles = css`
  :host {
    display: block;
    margin-block-end: var(--egov-field-gap, 1.5rem);
    font-family: var(--egov-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    font-size: var(--egov-font-size, 1rem);
    line-height: 1.5;
    color: var(--egov-color-text, #1b1b1b);
  }

  :host([hidden]) {
    display: none;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .field.has-error {
    border-inline-start: 4px solid var(--egov-color-error, #b3261e);
    padding-inline-start: 0.75rem;
  }

  label {
    font-weight: 600;
  }

  .required-mark {
    color: var(--egov-color-error, #b3261e);
    margin-inline-start: 0.125rem;
  }

  .hint {
    color: var(--egov-color-hint, #505a5f);
  }

  .error {
    margin: 0;
    font-weight: 600;
    color: var(--egov-color-error, #b3261e);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .control {
    box-sizing: border-box;
    width: 100%;
    max-width: var(--egov-field-max-width, 100%);
    min-height: 2.75rem; /* 44 px touch target (WCAG 2.5.8 asks 24, phones deserve more) */
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--egov-color-surface, #fff);
    border: 2px solid var(--egov-color-border, #505a5f);
    border-radius: var(--egov-radius, 0.25rem);
  }

  .control:focus-visible {
    outline: 3px solid var(--egov-color-focus, #ffbf47);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px currentColor;
  }

  .has-error .control {
    border-color: var(--egov-color-error, #b3261e);
  }

  .control:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .control[readonly] {
    background: var(--egov-color-readonly, #f3f2f1);
  }
`;
