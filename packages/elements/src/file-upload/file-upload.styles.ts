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
      border: 2px dashed var(--_egov-color-border);
      border-radius: var(--_egov-radius);
      background: var(--_egov-color-surface);
    }

    .dragging .dropzone {
      border-style: solid;
      border-color: var(--_egov-color-accent);
      background: var(--_egov-color-notice);
    }

    .has-error .dropzone {
      border-color: var(--_egov-color-error);
    }


    .types {
      color: var(--_egov-color-hint);
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
      border-block-end: 1px solid var(--_egov-color-rule);
    }

    .file.problem {
      border-inline-start: 4px solid var(--_egov-color-error);
      padding-inline-start: 0.75rem;
    }

    .thumb {
      flex: none;
      width: 3rem;
      height: 3rem;
      object-fit: cover;
      border: 1px solid var(--_egov-color-rule);
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
      color: var(--_egov-color-hint);
    }

    .reason {
      color: var(--_egov-color-error);
    }

    .reason strong {
      font-weight: 700;
    }

    progress {
      width: 100%;
      height: 0.5rem;
      accent-color: var(--_egov-color-accent);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
];
