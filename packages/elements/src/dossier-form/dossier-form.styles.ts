import { css } from 'lit';
import { buttonStyles } from '../internal/button.styles.js';
import { hostStyles } from '../internal/host.styles.js';

export const dossierFormStyles = [
  hostStyles,
  buttonStyles,
  css`
    section {
      margin-block-end: 2rem;
    }

    h2 {
      margin: 0 0 1rem;
      font-size: 1.5rem;
      line-height: 1.25;
    }

    h2:focus {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    .description {
      margin: 0 0 1.5rem;
      color: var(--_egov-color-hint);
    }

    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block-end: 1.5rem;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--_egov-color-accent);
      background: var(--_egov-color-notice);
    }

    .notice:empty {
      display: none;
    }

    .notice p {
      margin: 0;
    }

    .notice:focus {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      counter-reset: step;
    }

    .steps li {
      counter-increment: step;
      color: var(--_egov-color-hint);
    }

    .steps li::before {
      content: counter(step) '. ';
    }

    .steps li[aria-current='step'] {
      font-weight: 700;
      color: var(--_egov-color-text);
      text-decoration: underline;
      text-decoration-thickness: 3px;
      text-underline-offset: 0.3em;
    }

    .step-count {
      margin: 0 0 0.25rem;
      color: var(--_egov-color-hint);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin-block-start: 1rem;
    }

    button {
      padding: 0.5rem 1.25rem;
    }

    button:disabled {
      cursor: progress;
      opacity: 0.7;
    }

    .sync {
      margin: 0 0 1rem;
      color: var(--_egov-color-hint);
    }

    .sync:empty {
      display: none;
    }

    .conflict {
      margin-block-end: 1.5rem;
      padding: 1rem;
      border: 4px solid var(--_egov-color-error);
      background: var(--_egov-color-surface);
    }

    .conflict:focus {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    .conflict p {
      margin: 0 0 0.75rem;
    }

    .conflict-title {
      font-size: 1.25rem;
      font-weight: 700;
    }

    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }

    .problem {
      margin: 0 0 1rem;
      font-weight: 600;
      color: var(--_egov-color-error);
    }

    .problem-region:empty {
      display: none;
    }

    @media (forced-colors: active) {
      .conflict,
      .notice {
        border-color: CanvasText;
      }

      .problem {
        color: CanvasText;
      }
    }

    .link {
      min-height: auto;
      padding: 0;
      border: 0;
      background: none;
      text-decoration: underline;
    }
`,
];
