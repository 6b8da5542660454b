import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

export const textFieldStyles = [
  fieldStyles,
  css`
    input::placeholder {
      color: var(--egov-color-hint, #505a5f);
    }
  `,
];
