import { css } from 'lit';
import { fieldStyles } from '../internal/field.styles.js';

/**
 * The label, the mode choice, the room the chosen mode's panel takes while it loads, and the
 * message when it cannot; each panel brings its own styles (draw.styles.ts, panels.styles.ts).
 */
export const signaturePadStyles = [
  fieldStyles,
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

    .mode,
    .retry {
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
    .retry:focus-visible {
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

    /* The room of the panel on its way, so that nothing below moves when it arrives: the box to
       draw in with its hint and buttons, the name with its preview, the declaration. */
    .pending {
      max-width: var(--egov-signature-max-width, 36rem);
      min-height: 3rem;
    }

    .pending.draw {
      aspect-ratio: var(--egov-signature-aspect-ratio, 3 / 1);
      padding-block-end: calc(1.3125em + 3.75rem + 4px);
    }

    .pending.type {
      min-height: 8.75rem;
    }

    .pending.type.named {
      min-height: 10.75rem;
    }

    .retry {
      align-self: start;
      font: inherit;
      font-weight: 600;
      color: var(--_egov-color-accent);
      border-color: currentColor;
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
