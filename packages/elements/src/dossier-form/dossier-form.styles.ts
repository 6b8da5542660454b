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
      outline: 3px solid var(--egov-color-focus, #ffbf47);
      outline-offset: 2px;
    }

    .description {
      margin: 0 0 1.5rem;
      color: var(--egov-color-hint, #505a5f);
    }

    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-block-end: 1.5rem;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--egov-color-accent, #0b4f8a);
      background: var(--egov-color-notice, #eef4fa);
    }

    .notice:empty {
      display: none;
    }

    .notice p {
      margin: 0;
    }

    .notice:focus {
      outline: 3px solid var(--egov-color-focus, #ffbf47);
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
      color: var(--egov-color-hint, #505a5f);
    }

    .steps li::before {
      content: counter(step) '. ';
    }

    .steps li[aria-current='step'] {
      font-weight: 700;
      color: var(--egov-color-text, #1b1b1b);
      text-decoration: underline;
      text-decoration-thickness: 3px;
      text-underline-offset: 0.3em;
    }

    .step-count {
      margin: 0 0 0.25rem;
      color: var(--egov-color-hint, #505a5f);
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
      color: var(--egov-color-hint, #505a5f);
    }

    .sync:empty {
      display: none;
    }

    .conflict {
      margin-block-end: 1.5rem;
      padding: 1rem;
      border: 4px solid var(--egov-color-error, #b10e1e);
      background: var(--egov-color-surface, #fff);
    }

    .conflict:focus {
      outline: 3px solid var(--egov-color-focus, #ffbf47);
      outline-offset: 2px;
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
      color: var(--egov-color-error, #b10e1e);
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
