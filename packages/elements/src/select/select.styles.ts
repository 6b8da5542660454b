import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

export const selectStyles = [
  fieldStyles,
  css`
    select {
      cursor: pointer;
    }

    select[aria-readonly='true'] {
      cursor: default;
      background: var(--_egov-color-readonly);
    }
  `,
];
