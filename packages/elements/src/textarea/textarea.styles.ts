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
      color: var(--egov-color-hint, #505a5f);
    }

    .count.over {
      font-weight: 600;
      color: var(--egov-color-error, #b3261e);
    }
  `,
];
