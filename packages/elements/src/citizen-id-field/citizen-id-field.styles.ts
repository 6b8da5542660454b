import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

export const citizenIdFieldStyles = [
  fieldStyles,
  css`
    /* Twelve digits and room for the spaces people type between groups. */
    input {
      max-width: var(--egov-field-max-width, 16rem);
      font-variant-numeric: tabular-nums;
    }
  `,
];
