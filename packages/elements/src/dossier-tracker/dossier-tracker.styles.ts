import { css } from 'lit';
import { trackingStyles } from '../internal/tracking.styles.js';

export const dossierTrackerStyles = [
  trackingStyles,
  css`
    .summary,
    .due,
    .action,
    .next,
    .history {
      margin-block-end: 1.25rem;
    }
    .summary {
      padding-inline-start: 1rem;
      border-inline-start: 6px solid var(--_egov-color-accent);
    }
    .summary.status-rejected,
    .summary.status-withdrawn {
      border-color: var(--_egov-color-hint);
    }
    .summary.status-resolved,
    .summary.status-returned {
      border-color: var(--_egov-color-success);
    }
    .code {
      font-size: 0.9375rem;
    }
    .national,
    .meta {
      font-size: 0.9375rem;
      color: var(--_egov-color-hint);
    }
    .due,
    .action {
      padding: 1rem;
      border: 2px solid var(--_egov-color-rule);
    }
    .due dl {
      margin: 0 0 0.5rem;
    }
    .due dd {
      margin: 0;
      font-size: 1.25rem;
    }
    .days {
      font-weight: 600;
    }
    .due.overdue {
      border: 4px solid var(--_egov-color-error);
    }
    /* Overdue says so in words and a mark, not only in colour. */
    .flag {
      display: inline-flex;
      gap: 0.5rem;
      align-items: center;
      padding: 0.125rem 0.75rem 0.125rem 0.25rem;
      font-weight: 700;
      text-transform: uppercase;
      color: var(--_egov-color-on-error);
      background: var(--_egov-color-error);
      border: 2px solid transparent;
    }
    .flag span {
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      color: var(--_egov-color-error);
      background: var(--_egov-color-on-error);
    }
    .extension {
      margin-block-start: 0.75rem;
      padding: 0.75rem;
      background: var(--_egov-color-surface-muted);
      border: 1px solid transparent;
    }
    .action {
      border-color: var(--_egov-color-accent);
      border-width: 4px;
    }
    .note {
      padding-inline-start: 0.75rem;
      border-inline-start: 4px solid var(--_egov-color-rule);
      white-space: pre-line;
    }
    ul {
      margin: 0 0 0.75rem;
      padding-inline-start: 1.25rem;
    }
    .timeline {
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
    }
    .event {
      position: relative;
      padding: 0 0 0.75rem 1.5rem;
      border-inline-start: 2px solid var(--_egov-color-rule);
      margin-inline-start: 0.5rem;
    }
    .event::before {
      content: '';
      position: absolute;
      inset-inline-start: -0.5625rem;
      top: 0.3rem;
      width: 0.75rem;
      height: 0.75rem;
      border: 2px solid var(--_egov-color-accent);
      border-radius: 50%;
      background: var(--_egov-color-surface);
    }
    .event:first-child::before {
      background: var(--_egov-color-accent);
    }
    .event p {
      margin: 0 0 0.25rem;
    }
    .notice {
      font-size: 0.9375rem;
    }
    @media print {
      .button,
      button {
        display: none;
      }
    }
  `,
];
