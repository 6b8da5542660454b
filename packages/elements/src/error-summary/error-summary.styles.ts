import { css } from 'lit';
import { hostStyles } from '../internal/host.styles.js';

export const errorSummaryStyles = css`
  ${hostStyles}

  .summary {
    margin-block-end: var(--_egov-field-gap);
    padding: 1rem;
    border: 4px solid var(--_egov-color-error);
  }

  .summary:focus {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
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
    color: var(--_egov-color-error);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
  }
`;
