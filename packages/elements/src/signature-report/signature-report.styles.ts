import { css } from 'lit';
import { hostStyles } from '../internal/host.styles.js';

export const signatureReportStyles = [
  hostStyles,
  css`
    :host {
      margin-block-end: var(--_egov-field-gap);
      /* The rows stack when the report itself is narrow, wherever it sits on the page. */
      container-type: inline-size;
    }

    .base {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }

    .heading {
      margin: 0;
      font-size: 1.25em;
      font-weight: 700;
    }

    p {
      margin: 0;
    }

    .verdict {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      padding: 1rem;
      border: 1px solid;
      border-inline-start-width: 6px;
      border-radius: var(--_egov-radius);
      background: var(--_egov-color-surface);
    }

    .verdict .icon {
      flex: none;
      width: 2rem;
      height: 2rem;
    }

    .verdict-word {
      font-size: 1.125em;
    }

    .sentence,
    .advice {
      margin-block-start: 0.25rem;
    }

    .valid {
      --_tone: var(--_egov-color-success);
    }

    .invalid {
      --_tone: var(--_egov-color-error);
    }

    .indeterminate {
      --_tone: var(--_egov-color-warning);
    }

    .verdict,
    .entry {
      border-color: var(--_tone);
    }

    /* The tick, cross or "!" is cut out of the shape in the surface colour, in either theme. */
    .icon .mark {
      fill: none;
      stroke: var(--_egov-color-surface);
    }

    .icon .dot {
      fill: var(--_egov-color-surface);
    }

    .icon,
    .verdict-word,
    .entry-verdict strong {
      color: var(--_tone);
    }

    .empty {
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--_egov-color-border);
    }

    .entries {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .entry {
      padding: 1rem;
      border: 1px solid var(--_egov-color-border);
      border-inline-start: 6px solid var(--_tone);
      border-radius: var(--_egov-radius);
      background: var(--_egov-color-surface);
    }

    .entry-title {
      font-weight: 700;
      overflow-wrap: anywhere;
    }

    .entry-verdict {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      margin: 0.25rem 0 0.75rem;
    }

    .entry-verdict .icon {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-block-start: 0.15rem;
    }

    dl {
      display: grid;
      grid-template-columns: minmax(9rem, max-content) 1fr;
      gap: 0.375rem 1rem;
      margin: 0;
    }

    .row {
      display: contents;
    }

    dt {
      color: var(--_egov-color-hint);
    }

    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }

    dd[data-full] {
      grid-column: 1 / -1;
      font-weight: 600;
    }

    .hint {
      color: var(--_egov-color-hint);
    }

    .chain {
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    .technical {
      margin-block-start: 0.75rem;
    }

    .technical summary {
      cursor: pointer;
      color: var(--_egov-color-link);
      font-weight: 600;
      /* A target of at least 24 × 24 px (WCAG 2.2, 2.5.8). */
      min-height: 1.5rem;
      padding-block: 0.25rem;
    }

    .technical summary:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    .technical dl {
      margin-block-start: 0.5rem;
    }

    .code {
      font-family: var(--_egov-font-mono);
      font-size: 0.875em;
    }

    @container (max-width: 32rem) {
      dl {
        grid-template-columns: 1fr;
        gap: 0;
      }

      dd {
        margin-block-end: 0.5rem;
      }
    }

    @media (forced-colors: active) {
      .verdict,
      .entry {
        border-color: CanvasText;
      }
      .icon {
        forced-color-adjust: auto;
      }
    }
  `,
];
