import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

export const phoneFieldStyles = [
  fieldStyles,
  css`
    input {
      max-width: var(--egov-field-max-width, 16rem);
      font-variant-numeric: tabular-nums;
    }
  `,
];
