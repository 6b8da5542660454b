import { css } from 'lit';

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
