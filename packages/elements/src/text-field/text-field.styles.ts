import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

export const textFieldStyles = [
  fieldStyles,
  css`
    input::placeholder {
      color: var(--_egov-color-hint);
    }
  `,
];
