import { css } from 'lit';
import { buttonStyles } from '../internal/button.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

export const fileUploadStyles = [
  fieldStyles,
  buttonStyles,
  css`
    .label {
      font-weight: 600;
    }

    .dropzone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      padding: 1rem;
      border: 2px dashed var(--egov-color-border, #505a5f);
      border-radius: var(--egov-radius, 0.25rem);
      background: var(--egov-color-surface, #fff);
    }

    .dragging .dropzone {
      border-style: solid;
      border-color: var(--egov-color-accent, #0b4f8a);
      background: var(--egov-color-notice, #eef4fa);
    }

    .has-error .dropzone {
      border-color: var(--egov-color-error, #b3261e);
    }


    .types {
      color: var(--egov-color-hint, #505a5f);
    }

    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .file {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      padding-block: 0.75rem;
      border-block-end: 1px solid var(--egov-color-rule, #b1b4b6);
    }

    .file.problem {
      border-inline-start: 4px solid var(--egov-color-error, #b3261e);
      padding-inline-start: 0.75rem;
    }

    .thumb {
      flex: none;
      width: 3rem;
      height: 3rem;
      object-fit: cover;
      border: 1px solid var(--egov-color-rule, #b1b4b6);
    }

    /* On a narrow phone the buttons go under the file's details rather than squeeze them. */
    .info {
      flex: 1 1 14rem;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }

    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .meta {
      color: var(--egov-color-hint, #505a5f);
    }

    .reason {
      color: var(--egov-color-error, #b3261e);
    }

    .reason strong {
      font-weight: 700;
    }

    progress {
      width: 100%;
      height: 0.5rem;
      accent-color: var(--egov-color-accent, #0b4f8a);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
];
