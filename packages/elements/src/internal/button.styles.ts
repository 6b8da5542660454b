import { css } from 'lit';

/**
 * The buttons of the form elements (upload, signature pad, dossier form, digital signature):
 * outlined in the accent colour, `.primary` filled, 44 px tall (WCAG 2.2 target size), a focus
 * ring that shows on any background, dimmed when disabled. Elements override what differs
 * (padding, the disabled cursor) after it.
 */
export const buttonStyles = css`
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--egov-color-accent, #0b4f8a);
    background: var(--egov-color-surface, #fff);
    border: 2px solid currentColor;
    border-radius: var(--egov-radius, 0.25rem);
    cursor: pointer;
  }

  button.primary {
    color: var(--egov-color-on-accent, #fff);
    background: var(--egov-color-accent, #0b4f8a);
    border-color: var(--egov-color-accent, #0b4f8a);
  }

  button:focus-visible {
    outline: 3px solid var(--egov-color-focus, #ffbf47);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--egov-color-text, #1b1b1b);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
