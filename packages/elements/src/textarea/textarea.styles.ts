import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

export const textareaStyles = [
  fieldStyles,
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
