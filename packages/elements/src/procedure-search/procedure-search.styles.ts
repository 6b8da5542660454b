import { css } from 'lit';
import { trackingStyles } from '../internal/tracking.styles.js';

export const procedureSearchStyles = [
  trackingStyles,
  css`
    .form {
      margin-block-end: 1rem;
    }
    .label {
      display: block;
      font-weight: 700;
    }
    .hint {
      color: var(--_egov-color-hint);
    }
    input,
    select {
      min-height: 44px;
      padding: 0.375rem 0.5rem;
      border: 2px solid var(--_egov-color-border);
      border-radius: 0;
      font: inherit;
      color: inherit;
      background: var(--_egov-color-surface);
      box-sizing: border-box;
    }
    input {
      width: 100%;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin-block-start: 0.75rem;
    }
    .filter label {
      display: block;
      font-weight: 600;
    }
    .count {
      font-weight: 700;
    }
    .list {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    .list li {
      border-block-end: 1px solid var(--_egov-color-rule);
    }
    .list [part='result'] {
      display: block;
      box-sizing: border-box;
      text-decoration: none;
      width: 100%;
      min-height: 44px;
      padding: 0.75rem 0.25rem;
      border: 0;
      border-radius: 0;
      font-weight: 400;
      color: inherit;
      background: none;
      text-align: start;
    }
    /* A result link takes the buttons' focus ring: yellow and a dark inner line (≥ 3:1). */
    .list a[part='result']:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
      box-shadow: inset 0 0 0 2px var(--_egov-color-text);
    }
    .list [part='result']:hover .name {
      text-decoration-thickness: 3px;
    }
    .name {
      display: block;
      font-weight: 700;
      color: var(--_egov-color-link);
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .meta {
      display: block;
      font-size: 0.9375rem;
    }
  `,
];
