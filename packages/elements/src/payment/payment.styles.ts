import { css } from 'lit';
import { buttonStyles } from '../internal/button.styles.js';
import { hostStyles } from '../internal/host.styles.js';

export const paymentStyles = [
  hostStyles,
  buttonStyles,
  css`
    :host {
      max-width: 48rem;
    }

    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.375rem;
      line-height: 1.3;
    }

    h3 {
      margin: 1rem 0 0.5rem;
      font-size: 1.125rem;
    }

    .muted {
      margin: 0.25rem 0 0.75rem;
      color: var(--_egov-color-hint);
    }

    /* The live region: read out on change, visible too so that sighted users get the same. */
    .status:empty {
      display: none;
    }

    .status {
      margin: 0 0 0.75rem;
      font-weight: 600;
    }

    table {
      width: 100%;
      border-collapse: collapse;
      margin: 0 0 0.5rem;
    }

    caption {
      text-align: start;
      font-weight: 600;
      padding: 0 0 0.25rem;
    }

    th,
    td {
      padding: 0.5rem 0.25rem;
      border-bottom: 1px solid var(--_egov-color-rule);
      text-align: start;
      vertical-align: top;
    }

    .amount {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }

    tfoot th,
    tfoot td {
      font-weight: 700;
      border-bottom: none;
    }

    .kind {
      display: block;
      font-size: 0.875rem;
      color: var(--_egov-color-hint);
    }

    .basis {
      font-size: 0.875rem;
    }

    .method {
      margin: 0 0 0.75rem;
    }

    .method button {
      width: 100%;
      max-width: 24rem;
    }

    .demo {
      display: inline-block;
      padding: 0 0.375rem;
      border: 1px solid var(--_egov-color-warning);
      border-radius: var(--_egov-radius);
      color: var(--_egov-color-warning);
      font-weight: 700;
    }

    figure {
      margin: 0 0 0.75rem;
    }

    /*
     * The code dark on light in both themes (a phone's camera reads that), at most 18 rem;
     * forced colours keep it as drawn (forced-color-adjust) so that it still scans.
     */
    figure svg {
      display: block;
      width: min(100%, 18rem);
      height: auto;
      color: var(--egov-payment-qr-dark, #000);
      background: var(--egov-payment-qr-light, #fff);
      border: 1px solid var(--_egov-color-rule);
      forced-color-adjust: none;
    }

    /* Beats the rect's own fill="#fff", which a copy of the SVG outside the page keeps. */
    figure svg .light {
      fill: var(--egov-payment-qr-light, #fff);
    }

    dl {
      margin: 0 0 0.75rem;
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--_egov-color-rule);
    }

    dt {
      flex: 0 0 10rem;
      color: var(--_egov-color-hint);
    }

    dd {
      flex: 1 1 12rem;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }

    .value {
      font-family: var(--_egov-font-mono);
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    button.copy {
      min-height: 2.75rem;
      padding: 0.25rem 0.75rem;
      font-weight: 500;
    }

    .payload {
      font-family: var(--_egov-font-mono);
      overflow-wrap: anywhere;
      font-size: 0.875rem;
    }

    summary {
      cursor: pointer;
      min-height: 2.75rem;
      display: flex;
      align-items: center;
    }

    summary:focus-visible,
    a:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    a {
      color: var(--_egov-color-link);
    }

    .waiting {
      margin: 0.75rem 0;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .message {
      margin: 0.75rem 0;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_egov-color-accent);
      background: var(--_egov-color-notice);
    }

    .message.success {
      border-left-color: var(--_egov-color-success);
    }

    .message.problem {
      border-left-color: var(--_egov-color-error);
    }

    .message p {
      margin: 0 0 0.5rem;
    }

    @media (max-width: 30rem) {
      dt {
        flex-basis: 100%;
      }
    }

    @media print {
      .actions,
      .method,
      button {
        display: none;
      }
    }
  `,
];
