import { css } from 'lit';
import { buttonStyles } from '../internal/button.styles.js';
import { hostStyles } from '../internal/host.styles.js';

export const digitalSignatureStyles = [
  hostStyles,
  buttonStyles,
  css`
    :host {
      margin-block-end: var(--_egov-field-gap);
    }

    .base {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }

    h2 {
      margin: 0;
      font-size: 1.25em;
    }

    h3 {
      margin: 0 0 0.5rem;
      font-size: 1em;
    }

    .card {
      padding: 1rem;
      border: 1px solid var(--_egov-color-border);
      border-radius: var(--_egov-radius);
      background: var(--_egov-color-surface);
    }

    dl {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }

    dt {
      color: var(--_egov-color-hint);
    }

    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .digest,
    .serial {
      font-family: var(--_egov-font-mono);
      font-size: 0.9375em;
      word-spacing: 0.25em;
    }

    .warning {
      margin: 0.75rem 0 0;
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid var(--_egov-color-warning);
      color: var(--_egov-color-warning);
    }

    .notice {
      margin: 0;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--_egov-color-accent);
      background: var(--_egov-color-notice);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    button {
      padding: 0.5rem 1.25rem;
    }

    button:focus-visible,
    a:focus-visible,
    [tabindex='-1']:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
      box-shadow: none;
    }

    progress {
      width: 100%;
      max-width: 24rem;
      height: 0.75rem;
      accent-color: var(--_egov-color-accent);
    }

    .progress p {
      margin: 0.25rem 0 0.75rem;
    }

    .result,
    .failure {
      padding: 1rem;
      border-inline-start: 6px solid;
      background: var(--_egov-color-surface);
    }

    .result {
      border-color: var(--_egov-color-success);
    }

    .failure {
      border-color: var(--_egov-color-error);
    }

    .failure h3 {
      color: var(--_egov-color-error);
    }

    .failure p {
      margin: 0 0 0.75rem;
    }

    .result ul {
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
    }

    .result li::before {
      content: '✓ ';
      font-weight: 700;
    }

    .result li.note::before {
      content: 'ℹ ';
    }

    .result li.ok {
      color: var(--_egov-color-success);
      font-weight: 600;
    }

    .result dl {
      margin-block-end: 0.75rem;
    }

    a {
      color: var(--_egov-color-link);
      font-weight: 600;
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

    @media (forced-colors: active) {
      .card,
      .result,
      .failure,
      .warning,
      .notice {
        border-color: CanvasText;
      }
      progress {
        forced-color-adjust: auto;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      /* An indeterminate bar never stops moving; the words beside it say the same, still. */
      progress:indeterminate {
        display: none;
      }
    }
`,
];
