import { css } from 'lit';
import { hostStyles } from '../internal/host.styles.js';

/** The survey's box and messages; the form's styles come with the form (survey-parts.ts). */
export const surveyStyles = [
  hostStyles,
  css`
    :host {
      max-width: 48rem;
    }

    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.375rem;
    }

    .muted {
      margin: 0 0 0.75rem;
      color: var(--_egov-color-hint);
    }

    .message {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_egov-color-accent);
      background: var(--_egov-color-notice);
    }

    .problem {
      border-left-color: var(--_egov-color-error);
    }

    .message p {
      margin: 0 0 0.5rem;
    }

    .message:focus-visible,
    button:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    /* The retry button; the form's buttons get the shared button styles with the form. */
    button {
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      font: inherit;
      font-weight: 600;
      color: var(--_egov-color-accent);
      background: var(--_egov-color-surface);
      border: 2px solid currentColor;
      border-radius: var(--_egov-radius);
    }
  `,
];
