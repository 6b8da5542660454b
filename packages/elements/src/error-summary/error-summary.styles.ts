import { css } from 'lit';
import { hostStyles } from '../internal/host.styles.js';

export const errorSummaryStyles = css`
  ${hostStyles}

  .summary {
    margin-block-end: var(--egov-field-gap, 1.5rem);
    padding: 1rem;
    border: 4px solid var(--egov-color-error, #b3261e);
  }

  .summary:focus {
    outline: 3px solid var(--egov-color-focus, #ffbf47);
    outline-offset: 0;
  }

  .heading {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
    font-weight: 700;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li + li {
    margin-block-start: 0.5rem;
  }

  a {
    font-weight: 600;
    color: var(--egov-color-error, #b3261e);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:focus-visible {
    outline: 3px solid var(--egov-color-focus, #ffbf47);
    outline-offset: 0;
    color: var(--egov-color-text, #1b1b1b);
    background: var(--egov-color-focus, #ffbf47);
    text-decoration: none;
  }
`;
