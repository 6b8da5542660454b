import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

export const selectStyles = [
  fieldStyles,
  controlStyles,
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
