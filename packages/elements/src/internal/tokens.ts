import { type CSSResult, unsafeCSS } from 'lit';

/**
 * Every design token of the elements, defined once. Each is a public custom property
 * `--egov-<name>` an agency sets on any ancestor (custom properties cross shadow roots), read
 * through a private `--_egov-<name>` that every element declares on its `:host` with the default
 * below. Styles use only the private names, so a default lives here and nowhere else.
 *
 * A colour is `[light, dark, forced colours?]`: the elements follow the `color-scheme` in effect
 * where they sit (`light-dark()`), like native form controls do, and `theme="light|dark"` on an
 * element forces one. In Windows high contrast (`forced-colors: active`) the system colour
 * replaces even an agency's value: the person's own colours win there. A colour also used as a
 * background behind text (the accent of a filled button, the error of the overdue flag) has no
 * system colour of its own: the browser forces those pairs itself (ButtonFace/ButtonText,
 * Canvas/CanvasText) and draws its backplate behind the text, which an author's system-colour
 * pair such as Highlight/HighlightText would make unreadable. Other tokens are one value.
 *
 * Contrast (checked by test/tokens.test.ts from this table): text ≥ 4.5:1 and borders, focus
 * rings and the accent ≥ 3:1 against the surfaces they sit on, in both themes.
 */
export const colorTokens = {
  'color-text': ['#1b1b1b', '#e8eaed', 'CanvasText'],
  'color-hint': ['#505a5f', '#b6bcc6', 'CanvasText'],
  'color-surface': ['#fff', '#16202b', 'Canvas'],
  'color-surface-muted': ['#f3f2f1', '#223040', 'Canvas'],
  'color-readonly': ['#f3f2f1', '#223040', 'Canvas'],
  'color-notice': ['#eef4fa', '#1d3250', 'Canvas'],
  'color-border': ['#505a5f', '#8d99a6', 'CanvasText'],
  'color-rule': ['#b1b4b6', '#4a5663', 'CanvasText'],
  'color-accent': ['#0b4f8a', '#9cc7ff'],
  'color-on-accent': ['#fff', '#0a1f36'],
  'color-link': ['#0b4f8a', '#9cc7ff', 'LinkText'],
  'color-error': ['#b3261e', '#ffb4ab'],
  'color-on-error': ['#fff', '#410e0b'],
  'color-success': ['#00703c', '#7dd3a0', 'CanvasText'],
  'color-warning': ['#8a4b00', '#ffcc80', 'CanvasText'],
  'color-focus': ['#0b0c0c', '#ffbf47', 'Highlight'],
} as const;

/** Type, spacing, shape and the focus ring's geometry: the same in every theme. */
export const otherTokens = {
  'font-family': 'inherit',
  'font-mono': "ui-monospace,'Cascadia Mono','DejaVu Sans Mono',monospace",
  'font-size': '1rem',
  'line-height': '1.5',
  'field-gap': '1.5rem',
  'field-max-width': '100%',
  radius: '0.25rem',
  'focus-width': '3px',
  'focus-offset': '2px',
} as const;

export type ColorToken = keyof typeof colorTokens;
export type OtherToken = keyof typeof otherTokens;
export type Token = ColorToken | OtherToken;

/**
 * Old names kept working for one release: `--egov-color-primary` was the tracking elements'
 * name for the brand colour that the fields call `--egov-color-accent`.
 */
export const deprecatedAliases: Partial<Record<Token, string>> = {
  'color-accent': 'color-primary',
};

// \`inherit\` has no fallback: an unset public property makes the private one invalid, and a
// property that uses it then inherits (the page's font, by default).
const value = (token: Token, fallback: string) => {
  const alias = deprecatedAliases[token];
  if (fallback === 'inherit') return `var(--egov-${token})`;
  return `var(--egov-${token},${alias ? `var(--egov-${alias},${fallback})` : fallback})`;
};

const colors = Object.entries(colorTokens) as [ColorToken, readonly string[]][];
const forcedColors = colors.filter(([, tones]) => tones[2]);

/**
 * The private properties on every element's `:host`, the theme switch and the forced-colours
 * palette. Built from the tables so that they stay the one definition (and the CSS is written
 * once, not repeated by hand).
 *
 * Without `light-dark()` (Safari before 17.5 — iPhones that stay on iOS 16 —, Chrome before 123)
 * a private property holding it is invalid where used, and a `border` or `outline` shorthand
 * reading it is dropped whole: inputs without borders, no focus ring. There the light values
 * are used instead: no dark theme, nothing missing. Exported for the test that checks both.
 */
export function tokenCss(lightDark: boolean): string {
  return (
    `:host{${[
      ...colors.map(
        ([t, [light, dark]]) =>
          `--_egov-${t}:${value(t, lightDark ? `light-dark(${light},${dark})` : `${light}`)}`,
      ),
      ...(Object.entries(otherTokens) as [OtherToken, string][]).map(
        ([t, v]) => `--_egov-${t}:${value(t, v)}`,
      ),
    ].join(';')}}` +
    ':host([theme=light]){color-scheme:light}:host([theme=dark]){color-scheme:dark}' +
    // Paper is white whatever the screen's theme.
    '@media print{:host,:host([theme]){color-scheme:light}}' +
    `@media (forced-colors:active){:host{${forcedColors
      .map(([t, [, , forced]]) => `--_egov-${t}:${forced}`)
      .join(';')}}}`
  );
}

// On a server (no `CSS`), the modern form: the browser that hydrates evaluates this module again.
export const tokenStyles: CSSResult = unsafeCSS(
  tokenCss(typeof CSS === 'undefined' || CSS.supports('color', 'light-dark(#000,#fff)')),
);
