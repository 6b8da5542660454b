import { css } from 'lit';
import { fieldStyles, groupStyles } from '../internal/field.styles.js';

export const addressFieldStyles = [
  fieldStyles,
  groupStyles,
  css`
    .parts {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }

    .part {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }

    .part label {
      font-weight: 400;
    }

    .has-error .part .control:not([aria-invalid='true']) {
      border-color: var(--egov-color-border, #505a5f);
    }

    .old {
      margin: 0;
      padding: 0.75rem;
      border-inline-start: 4px solid var(--egov-color-accent, #0b4f8a);
      background: var(--egov-color-notice, #eef4fa);
    }

    .old:empty {
      display: none;
    }

    .old p {
      margin: 0 0 0.5rem;
    }

    .old ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }

    button {
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      font: inherit;
      color: var(--egov-color-accent, #0b4f8a);
      background: var(--egov-color-surface, #fff);
      border: 2px solid currentColor;
      border-radius: var(--egov-radius, 0.25rem);
      cursor: pointer;
      text-align: start;
    }

    button:focus-visible {
      outline: 3px solid var(--egov-color-focus, #ffbf47);
      outline-offset: 0;
    }

    select[aria-readonly='true'] {
      background: var(--egov-color-readonly, #f3f2f1);
    }

    .status {
      color: var(--egov-color-hint, #505a5f);
    }
  `,
];
