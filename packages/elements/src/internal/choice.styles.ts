import { css } from 'lit';

/** Radios and checkboxes: big enough to hit on a phone, with the label as part of the target. */
export const choiceStyles = css`
  .choices {
    display: flex;
    flex-direction: column;
  }

  .choices.inline {
    flex-direction: row;
    flex-wrap: wrap;
    column-gap: 1.5rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }

  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_egov-color-accent);
  }

  .choice input:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
  }

  .choice label {
    flex: 1;
    padding-block: 0.5rem;
    font-weight: 400;
    cursor: pointer;
  }

  /* Read-only: grey ticks and no pointer, so the choices do not look as if they could change. */
  :host([readonly]) .choice input {
    accent-color: var(--_egov-color-hint);
  }

  :host([readonly]) .choice label {
    cursor: default;
  }

  .choice input:disabled + label {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .has-error .choice input:not(:focus-visible) {
    outline: 2px solid var(--_egov-color-error);
    outline-offset: 1px;
  }
`;
