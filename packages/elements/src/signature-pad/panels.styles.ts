/**
 * The typed name and the declaration, as text (panels.lazy.ts imports nothing of Lit: see
 * `PanelKit` in signature-pad.ts), adopted beside the element's own, after the input's
 * (control.css.ts), when panels.lazy.ts arrives.
 */
export const panelCss = /* css */ `
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

  .choice input:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
  }

  .choice label {
    font-weight: 400;
    cursor: pointer;
  }

  .has-error .choice input:not(:focus-visible) {
    outline: 2px solid var(--_egov-color-error);
    outline-offset: 1px;
  }
`;
