/**
 * The survey's form and answers, as text, adopted beside the element's own (after the buttons')
 * when survey-parts.ts arrives: in a `*.styles.ts` file, so that the build minifies it
 * (scripts/minify-styles.mjs).
 */
export const formCss = /* css */ `
  .success {
    border-left-color: var(--_egov-color-success);
  }

  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1.125rem;
  }

  fieldset {
    margin: 0 0 1rem;
    padding: 0.75rem;
    border: 1px solid var(--_egov-color-rule);
    border-radius: var(--_egov-radius);
  }

  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }

  .scale {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.5rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_egov-color-border);
    border-radius: var(--_egov-radius);
    background: var(--_egov-color-surface);
    cursor: pointer;
  }

  .choice:has(input:checked) {
    border-width: 2px;
    border-color: var(--_egov-color-accent);
    background: var(--_egov-color-notice);
    font-weight: 600;
  }

  .choice input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_egov-color-accent);
  }

  .choice input:focus-visible,
  textarea:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
  }

  .score {
    font-variant-numeric: tabular-nums;
    color: var(--_egov-color-hint);
  }

  .comment {
    display: block;
    font-weight: 600;
  }

  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.5rem;
    font: inherit;
    color: var(--_egov-color-text);
    background: var(--_egov-color-surface);
    border: 2px solid var(--_egov-color-border);
    border-radius: var(--_egov-radius);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1rem;
  }

  .problem-text {
    margin: 0 0 0.75rem;
    font-weight: 600;
    color: var(--_egov-color-error);
  }

  .summary {
    margin: 0 0 1rem;
  }

  .summary div {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    gap: 0.5rem;
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--_egov-color-rule);
  }

  .summary dd {
    margin: 0;
    font-weight: 600;
  }

  .comment-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  @media (max-width: 30rem) {
    .summary div {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;
