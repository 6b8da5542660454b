/**
 * The box a person types or chooses a value in — `<input>`, `<select>`, `<textarea>` with
 * `class="control"` —, after fieldStyles (field.styles.ts): 44 px tall, themed border, a focus
 * ring that shows on any background, the error colour when the field has one.
 *
 * The CSS as text, without Lit, so that a module handed Lit rather than importing it can take it
 * too (the signature pad's panels: signature-pad.ts); every other element takes `controlStyles`
 * (control.styles.ts).
 */
export const controlCss = /* css */ `
  .control {
    box-sizing: border-box;
    width: 100%;
    max-width: var(--_egov-field-max-width);
    min-height: 2.75rem; /* 44 px touch target (WCAG 2.5.8 asks 24, phones deserve more) */
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--_egov-color-surface);
    border: 2px solid var(--_egov-color-border);
    border-radius: var(--_egov-radius);
  }

  .control:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
    box-shadow: inset 0 0 0 2px currentColor;
  }

  .has-error .control {
    border-color: var(--_egov-color-error);
  }

  .control:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .control[readonly] {
    background: var(--_egov-color-readonly);
  }
`;
