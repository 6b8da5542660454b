import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

export const textFieldStyles = [
  fieldStyles,
  controlStyles,
  css`
    input::placeholder {
      color: var(--_egov-color-hint);
    }
  `,
];
