import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';
import { groupStyles } from '../internal/group.styles.js';

export const dateFieldStyles = [
  fieldStyles,
  controlStyles,
  groupStyles,
  css`
    .parts {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }

    .part {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }

    .part label {
      font-weight: 400;
    }

    /* Widths that fit two and four digits, so the shape of the field says what to type. */
    .part .control {
      width: 3.5rem;
    }

    .part.year .control {
      width: 5.25rem;
    }

    .has-error .part .control:not([aria-invalid='true']) {
      border-color: var(--_egov-color-border);
    }
  `,
];
