import { html, svg, type TemplateResult } from 'lit';

/**
 * The dashboard's charts, loaded with `import()` after the table: plain SVG drawn by Lit (no
 * chart library: a canvas library would not follow forced colours, and the two charts here are
 * bars). Colours are the design tokens' custom properties, so they follow the theme, dark mode
 * and Windows high contrast (see the `forced-colors` rules in the styles); each bar also carries
 * its value as text, and the table beside the chart has every number.
 */

/** One group's bar: resolved on time, late, and still open. */
export interface OutcomeBar {
  readonly label: string;
  readonly onTime: number;
  readonly late: number;
  readonly open: number;
}

/** Horizontal stacked bars, one per group, scaled to the largest group. */
export function outcomeChart(
  bars: readonly OutcomeBar[],
  legend: { onTime: string; late: string; open: string; title: string },
  format: (n: number) => string,
): TemplateResult {
  const max = Math.max(1, ...bars.map((b) => b.onTime + b.late + b.open));
  const scale = 100 / max;
  return html`<figure class="chart">
    <figcaption>${legend.title}</figcaption>
    <ul class="legend" aria-hidden="true">
      <li><span class="key on-time"></span>${legend.onTime}</li>
      <li><span class="key late"></span>${legend.late}</li>
      <li><span class="key open"></span>${legend.open}</li>
    </ul>
    <ol class="bars" aria-hidden="true">
      ${bars.map((bar) => {
        const w1 = bar.onTime * scale;
        const w2 = bar.late * scale;
        const w3 = bar.open * scale;
        return html`<li>
          <span class="name">${bar.label}</span>
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="meter">
            ${svg`<rect class="on-time" x="0" y="0" width=${w1} height="10"></rect>
              <rect class="late" x=${w1} y="0" width=${w2} height="10"></rect>
              <rect class="open" x=${w1 + w2} y="0" width=${w3} height="10"></rect>`}
          </svg>
          <span class="value">${format(bar.onTime)} · ${format(bar.late)} · ${format(bar.open)}</span>
        </li>`;
      })}
    </ol>
  </figure>`;
}

/** One bar per criterion on the 1–5 scale. */
export function scoreChart(
  scores: readonly { label: string; average: number }[],
  title: string,
  format: (n: number) => string,
): TemplateResult {
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <ol class="bars" aria-hidden="true">
      ${scores.map(
        (s) => html`<li>
          <span class="name">${s.label}</span>
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="meter">
            ${svg`<rect class="track" x="0" y="0" width="100" height="10"></rect>
              <rect class="on-time" x="0" y="0" width=${((s.average - 1) / 4) * 100} height="10"></rect>`}
          </svg>
          <span class="value">${format(s.average)}</span>
        </li>`,
      )}
    </ol>
  </figure>`;
}
