import { css } from 'lit';
import { trackingStyles } from '../internal/tracking.styles.js';

export const dossierLookupStyles = [
  trackingStyles,
  css`
    form {
      margin-block-end: 1.5rem;
    }
    .field {
      margin-block-end: 1.25rem;
    }
    .field.invalid {
      padding-inline-start: 0.75rem;
      border-inline-start: 4px solid var(--_egov-color-error);
    }
    label {
      display: block;
      font-weight: 700;
    }
    .hint {
      margin: 0 0 0.25rem;
      color: var(--_egov-color-hint);
    }
    .field-error {
      margin: 0 0 0.25rem;
      font-weight: 700;
      color: var(--_egov-color-error);
    }
    input {
      box-sizing: border-box;
      width: 100%;
      max-width: 20rem;
      min-height: 44px;
      padding: 0.375rem 0.5rem;
      border: 2px solid var(--_egov-color-border);
      font: inherit;
      font-family: var(--_egov-font-mono);
      color: inherit;
      background: var(--_egov-color-surface);
      letter-spacing: 0.05em;
      text-transform: uppercase;
    }
    .invalid input {
      border-width: 3px;
      border-color: var(--_egov-color-error);
    }
    button[disabled] {
      opacity: 0.7;
      cursor: progress;
    }
  `,
];
