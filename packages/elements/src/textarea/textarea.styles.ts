import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

export const textareaStyles = [
  fieldStyles,
  controlStyles,
  css`
    textarea {
      display: block;
      resize: vertical;
    }

    .count {
      color: var(--_egov-color-hint);
    }

    .count.over {
      font-weight: 600;
      color: var(--_egov-color-error);
    }
  `,
];
