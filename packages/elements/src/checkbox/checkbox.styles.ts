import { css } from 'lit';
import { choiceStyles } from '../internal/choice.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

export const checkboxStyles = [
  fieldStyles,
  choiceStyles,
  css`
    .choice label {
      font-weight: 400;
    }

    .choice {
      align-items: flex-start;
    }

    .choice input {
      margin-block-start: 0.5rem;
    }
  `,
];
