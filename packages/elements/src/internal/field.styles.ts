import { css } from 'lit';
import { hostStyles } from './host.styles.js';

/**
 * The anatomy every field shares — label, hint, error, control — so that all controls look and
 * behave alike. Colours meet WCAG 2.2 AA contrast on white; every colour and size is a custom
 * property an agency can theme.
 */
export const fieldStyles = css`
  ${hostStyles}

  :host {
    margin-block-end: var(--_egov-field-gap);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .field.has-error {
    border-inline-start: 4px solid var(--_egov-color-error);
    padding-inline-start: 0.75rem;
  }

  label {
    font-weight: 600;
  }

  .required-mark {
    color: var(--_egov-color-error);
    margin-inline-start: 0.125rem;
  }

  .hint {
    color: var(--_egov-color-hint);
  }

  .error {
    margin: 0;
    font-weight: 600;
    color: var(--_egov-color-error);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

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

/**
 * A control made of several inputs — choices, date parts, address parts — is a `<fieldset>`
 * whose `<legend>` is the label (GOV.UK pattern), so a screen reader announces the question
 * with each input.
 */
export const groupStyles = css`
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  fieldset.field.has-error {
    padding-inline-start: 0.75rem;
  }

  legend {
    padding: 0;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
`;

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
