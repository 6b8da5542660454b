import { css } from 'lit';
import { controlStyles } from '../internal/control.styles.js';
import { fieldStyles } from '../internal/field.styles.js';

/** The label, the mode choice, the typed name and the declaration; the box to draw in has its own (draw.lazy.ts). */
export const signaturePadStyles = [
  fieldStyles,
  controlStyles,
  css`
    .label {
      font-weight: 600;
    }

    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }

    legend {
      padding: 0;
      margin-block-end: 0.25rem;
      color: var(--_egov-color-hint);
    }

    .modes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .mode {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding-inline: 0.75rem;
      border: 2px solid var(--_egov-color-border);
      border-radius: var(--_egov-radius);
      background: var(--_egov-color-surface);
      cursor: pointer;
    }

    .mode:has(input:checked) {
      border-color: var(--_egov-color-accent);
      box-shadow: inset 0 0 0 1px var(--_egov-color-accent);
      font-weight: 600;
    }

    .mode input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--_egov-color-accent);
    }

    .mode input:focus-visible,
    .choice input:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    .mode:has(input:disabled) {
      cursor: not-allowed;
      opacity: 0.6;
    }

    .panel {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }

    .panel[hidden] {
      display: none;
    }

    .name-label {
      font-weight: 600;
    }

    .typed {
      min-height: 3rem;
      margin: 0;
      padding-block: 0.25rem;
      max-width: var(--egov-signature-max-width, 36rem);
      border-block-end: 2px solid var(--_egov-color-rule);
      font-family: var(--egov-signature-font, 'Segoe Script', 'Brush Script MT', 'URW Chancery L', cursive);
      font-size: 1.75rem;
      line-height: 1.4;
      overflow-wrap: anywhere;
    }

    .choice {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
    }

    .choice input {
      flex: none;
      width: 1.5rem;
      height: 1.5rem;
      margin: 0.125rem 0 0;
      accent-color: var(--_egov-color-accent);
    }

    .choice label {
      font-weight: 400;
      cursor: pointer;
    }

    .has-error .choice input:not(:focus-visible) {
      outline: 2px solid var(--_egov-color-error);
      outline-offset: 1px;
    }

    @media (forced-colors: active) {
      .mode:has(input:checked) {
        border-color: Highlight;
      }
    }

    @media (prefers-reduced-motion: no-preference) {
      .mode {
        transition: border-color 120ms ease-out;
      }
    }
  `,
];
