import { css } from 'lit';
import { trackingStyles } from '../internal/tracking.styles.js';

export const receiptStyles = [
  trackingStyles,
  css`
    article {
      max-width: 48rem;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      justify-content: space-between;
      margin-block-end: 1rem;
      text-align: center;
    }
    .header p {
      margin: 0;
    }
    .agency {
      flex: 1 1 12rem;
    }
    .nation {
      flex: 1 1 16rem;
    }
    .motto {
      text-decoration: underline;
      text-underline-offset: 0.25em;
    }
    .title {
      margin: 0 0 1rem;
      font-size: 1.375rem;
      font-weight: 700;
      line-height: 1.3;
      text-align: center;
      text-transform: uppercase;
    }
    .codes-qr {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
      margin-block-end: 1.25rem;
    }
    .codes {
      flex: 1 1 16rem;
      padding: 1rem;
      border: 3px solid var(--_egov-color-accent);
    }
    .codes dl {
      margin: 0 0 0.5rem;
    }
    .codes .row {
      margin-block-end: 0.5rem;
    }
    .code {
      margin: 0;
      font-family: var(--_egov-font-mono);
      font-size: 1.375rem;
      font-weight: 700;
      letter-spacing: 0.05em;
    }
    .keep {
      margin: 0;
      font-size: 0.9375rem;
    }
    .qr {
      flex: 0 1 11rem;
      margin: 0;
    }
    .qr svg {
      display: block;
      width: 100%;
      max-width: 11rem;
      height: auto;
      /* Dark modules on white paper in every theme: scanners read inverted codes badly. The
         light scheme here makes the token resolve to its light (dark ink) value. */
      color-scheme: light;
      color: var(--_egov-color-text);
    }
    figcaption {
      font-size: 0.875rem;
    }
    .url {
      display: block;
      overflow-wrap: anywhere;
    }
    a {
      color: var(--_egov-color-link);
    }
    .details {
      margin: 0 0 1.25rem;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(9rem, 14rem) 1fr;
      gap: 0 1rem;
      padding-block: 0.375rem;
      border-block-end: 1px solid var(--_egov-color-rule);
    }
    .codes .row {
      display: block;
      padding: 0;
      border: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .due dd strong {
      font-size: 1.125rem;
    }
    .due.missing dd {
      font-style: italic;
    }
    .documents {
      margin-block-end: 1.25rem;
    }
    ol {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    li {
      margin-block-end: 0.25rem;
    }
    .counts {
      white-space: nowrap;
    }
    .signatures {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      margin-block: 1.5rem;
      text-align: center;
    }
    .sign-here {
      font-style: italic;
    }
    .confirmation {
      margin-block: 0.5rem 1rem;
      font-weight: 600;
    }
    .signature-name {
      display: inline-block;
      min-width: 12rem;
      min-height: 1.5rem;
      margin-block-start: 4rem;
    }
    /* A phone: terms above their values, the QR code under the codes at a scannable size. */
    @media (max-width: 30rem) {
      .row {
        grid-template-columns: 1fr;
      }
      .title {
        font-size: 1.1875rem;
      }
      .qr {
        flex-basis: 100%;
      }
      .signatures {
        display: none;
      }
    }
    /*
     * Paper: one A4 page in the type official papers use; what only a screen can use goes.
     * (@page is not read inside a shadow root: the page sets \`@page { size: A4 }\`.)
     */
    @media print {
      :host {
        font-family: 'Times New Roman', Times, serif;
        font-size: 13pt;
        line-height: 1.35;
        color: #000;
      }
      article {
        max-width: none;
      }
      .screen-only,
      .url {
        display: none;
      }
      .codes {
        border: 2px solid #000;
      }
      .qr {
        flex: 0 0 3.5cm;
      }
      .qr svg {
        color: #000;
      }
      .row {
        grid-template-columns: 5.5cm 1fr;
        border-color: #000;
        padding-block: 0.15rem;
      }
      .signatures {
        display: flex;
        break-inside: avoid;
      }
      .documents,
      .codes-qr {
        break-inside: avoid;
      }
    }
  `,
];
