import { css } from 'lit';
import { buttonStyles } from '../internal/button.styles.js';
import { hostStyles } from '../internal/host.styles.js';

export const statsStyles = [
  hostStyles,
  buttonStyles,
  css`
    h2 {
      margin: 0 0 1rem;
      font-size: 1.5rem;
      line-height: 1.3;
    }

    .muted {
      color: var(--_egov-color-hint);
    }

    fieldset {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.75rem 1rem;
      margin: 0 0 1rem;
      padding: 0.75rem;
      border: 1px solid var(--_egov-color-rule);
      border-radius: var(--_egov-radius);
    }

    legend {
      font-weight: 600;
    }

    label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-weight: 600;
    }

    input,
    select {
      min-height: 2.75rem;
      padding: 0.25rem 0.5rem;
      font: inherit;
      font-weight: 400;
      color: var(--_egov-color-text);
      background: var(--_egov-color-surface);
      border: 2px solid var(--_egov-color-border);
      border-radius: var(--_egov-radius);
    }

    input:focus-visible,
    select:focus-visible,
    .table-wrap:focus-visible {
      outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
      outline-offset: var(--_egov-focus-offset);
    }

    .summary {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0.75rem;
      margin: 0 0 1rem;
    }

    .card {
      padding: 0.75rem;
      border: 1px solid var(--_egov-color-rule);
      border-radius: var(--_egov-radius);
      background: var(--_egov-color-surface-muted);
    }

    .card dt {
      font-size: 0.875rem;
      color: var(--_egov-color-hint);
    }

    .card dd {
      margin: 0.25rem 0 0;
      font-size: 1.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }

    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin: 0 0 1rem;
    }

    .pair {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
      gap: 1.5rem;
      margin: 0 0 1.5rem;
    }

    /* The table of every figure is wide: under its chart, not beside it. */
    .pair.stacked {
      grid-template-columns: minmax(0, 1fr);
    }

    @media (max-width: 60rem) {
      .pair {
        grid-template-columns: minmax(0, 1fr);
      }
    }

    .table-wrap {
      overflow-x: auto;
    }

    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }

    caption {
      margin-bottom: 0.5rem;
      font-weight: 600;
      text-align: start;
    }

    th,
    td {
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid var(--_egov-color-rule);
      text-align: end;
      vertical-align: top;
    }

    th[scope='row'],
    thead th:first-child {
      text-align: start;
    }

    thead th {
      font-size: 0.875rem;
      border-bottom: 2px solid var(--_egov-color-border);
    }

    tfoot th,
    tfoot td {
      font-weight: 700;
      border-top: 2px solid var(--_egov-color-border);
    }

    figure {
      margin: 0;
    }

    figcaption {
      margin-bottom: 0.5rem;
      font-weight: 600;
    }

    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
    }

    .key {
      display: inline-block;
      width: 0.875rem;
      height: 0.875rem;
      margin-inline-end: 0.375rem;
      vertical-align: -0.125rem;
      border: 1px solid var(--_egov-color-text);
    }

    .bars {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .bars li {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
      align-items: center;
      gap: 0.5rem;
      padding: 0.25rem 0;
    }

    .bars .name {
      overflow-wrap: anywhere;
    }

    .bars .value {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .meter {
      width: 100%;
      height: 1rem;
    }

    .on-time {
      fill: var(--_egov-color-success);
      background: var(--_egov-color-success);
    }

    .late {
      fill: var(--_egov-color-error);
      background: var(--_egov-color-error);
    }

    .open {
      fill: var(--_egov-color-warning);
      background: var(--_egov-color-warning);
    }

    .track {
      fill: var(--_egov-color-surface-muted);
    }

    /* Windows high contrast: the system's colours, told apart by their pattern of tone. */
    @media (forced-colors: active) {
      .on-time {
        fill: CanvasText;
        background: CanvasText;
      }

      .late {
        fill: Highlight;
        background: Highlight;
      }

      .open {
        fill: GrayText;
        background: GrayText;
      }

      .track {
        fill: Canvas;
        stroke: CanvasText;
      }

      .key {
        forced-color-adjust: none;
      }
    }

    .message {
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--_egov-color-accent);
      background: var(--_egov-color-notice);
    }

    .message.problem {
      border-left-color: var(--_egov-color-error);
    }

    @media print {
      .filters,
      .tools,
      .chart-box {
        display: none;
      }

      .pair {
        display: block;
      }

      .table-wrap {
        overflow: visible;
      }

      table {
        font-size: 9pt;
      }

      th,
      td {
        border-bottom-color: #000;
      }
    }
  `,
];
