import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';
import { groupStyles } from '../internal/group.styles.js';

export const addressFieldStyles = [
  fieldStyles,
  controlStyles,
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
      border-color: var(--_egov-color-border);
    }

    .old {
      margin: 0;
      padding: 0.75rem;
      border-inline-start: 4px solid var(--_egov-color-accent);
      background: var(--_egov-color-notice);
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
      color: var(--_egov-color-accent);
      background: var(--_egov-color-surface);
      border: 2px solid currentColor;
      border-radius: var(--_egov-radius);
      cursor: pointer;
      text-align: start;
    }

    button:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    select[aria-readonly='true'] {
      background: var(--_egov-color-readonly);
    }

    .status {
      color: var(--_egov-color-hint);
    }
  `,
];
