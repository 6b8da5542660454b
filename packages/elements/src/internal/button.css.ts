/**
 * The buttons of the form elements (upload, signature pad, dossier form, digital signature):
 * outlined in the accent colour, `.primary` filled, 44 px tall (WCAG 2.2 target size), a focus
 * ring that shows on any background, dimmed when disabled. Elements override what differs
 * (padding, the disabled cursor) after it.
 *
 * The CSS as text, without Lit, so that a module handed Lit rather than importing it can take it
 * too (the signature pad's panels: signature-pad.ts); every other element takes `buttonStyles`
 * (button.styles.ts).
 */
export const buttonCss = /* css */ `
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--_egov-color-accent);
    background: var(--_egov-color-surface);
    border: 2px solid currentColor;
    border-radius: var(--_egov-radius);
    cursor: pointer;
  }

  button.primary {
    color: var(--_egov-color-on-accent);
    background: var(--_egov-color-accent);
    border-color: var(--_egov-color-accent);
  }

  button:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
    box-shadow: inset 0 0 0 2px var(--_egov-color-text);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
