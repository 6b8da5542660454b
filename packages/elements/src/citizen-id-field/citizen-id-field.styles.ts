import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

export const citizenIdFieldStyles = [
  fieldStyles,
  controlStyles,
  css`
    /* Twelve digits and room for the spaces people type between groups. */
    input {
      max-width: var(--egov-field-max-width, 16rem);
      font-variant-numeric: tabular-nums;
    }
  `,
];
