import { css } from 'lit';
import { trackingStyles } from '../internal/tracking.styles.js';

export const procedureDetailStyles = [
  trackingStyles,
  css`
    article {
      max-width: 48rem;
    }
    .h3 {
      margin: 1rem 0 0.5rem;
      font-size: 1rem;
      font-weight: 700;
    }
    .section {
      margin-block: 1.5rem;
      padding-block-start: 1rem;
      border-block-start: 1px solid var(--_egov-color-rule);
    }
    ul,
    ol {
      margin: 0 0 0.75rem;
      padding-inline-start: 1.5rem;
    }
    li {
      margin-block-end: 0.5rem;
    }
    a {
      color: var(--_egov-color-link);
      text-underline-offset: 0.2em;
    }
    a.button {
      color: var(--_egov-color-on-accent);
    }
    /* Label above value: a term and its description stay readable at 320 px, no table to scroll. */
    dl {
      margin: 0 0 0.75rem;
    }
    dl > div {
      margin-block-end: 0.5rem;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
    }
    .summary {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.25rem 1.5rem;
    }
    .online {
      margin-block: 0.75rem;
      padding: 0.75rem 1rem;
      border-inline-start: 6px solid var(--_egov-color-accent);
      background: var(--_egov-color-surface-muted);
    }
    .online-none {
      border-color: var(--_egov-color-hint);
    }
    .online p {
      margin: 0;
    }
    .rich :first-child {
      margin-block-start: 0;
    }
    .rich :last-child {
      margin-block-end: 0;
    }
    .channels,
    .documents {
      padding: 0;
      list-style: none;
    }
    .channel,
    .document {
      margin-block-end: 0.75rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_egov-color-rule);
    }
    .channel-name {
      font-size: 1.0625rem;
    }
    .fee-list {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .free {
      color: var(--_egov-color-success);
    }
    .document-name {
      font-weight: 600;
    }
    .document-meta {
      color: var(--_egov-color-hint);
    }
    .flag.required {
      font-weight: 700;
      color: var(--_egov-color-text);
    }
    .as-published {
      margin-block-start: 0.5rem;
      font-size: 0.9375rem;
    }
    .as-published > p {
      margin: 0;
      font-style: italic;
    }
    .apply-row {
      margin-block-start: 1.5rem;
    }
    .not-online {
      margin-block-start: 1.5rem;
      font-weight: 600;
    }
    .status {
      font-weight: 600;
    }
    .error[role='alert'] button {
      margin-block-start: 0.5rem;
    }
    @media (forced-colors: active) {
      .online,
      .channel,
      .document {
        border: 1px solid CanvasText;
      }
      .free {
        color: CanvasText;
      }
      a.button {
        color: LinkText;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        scroll-behavior: auto;
        transition: none;
      }
    }
    @media print {
      :host {
        color: #000;
        font-size: 11pt;
      }
      .apply-row,
      [part='retry'] {
        display: none;
      }
      .section,
      .channel,
      .document {
        break-inside: avoid;
      }
      .online {
        background: none;
        border: 1px solid #000;
      }
      /* On paper a link is its address. */
      .rich a[href^='http']::after,
      .document a[href]::after {
        content: ' (' attr(href) ')';
        font-size: 0.875em;
      }
    }
  `,
];
