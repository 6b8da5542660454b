import type { Token } from './tokens.js';

/**
 * What each design token is for: the one description the manifest (every element's
 * `cssProperties`, added by custom-elements-manifest.config.mjs), Storybook's "Design tokens"
 * page and the test that keeps docs/elements/theming.md complete read. Not imported by any
 * element, so it costs a page nothing.
 */
export const tokenDocs: Record<Token, string> = {
  'color-text': 'Text.',
  'color-hint': 'Hints, secondary text, meta data (≥ 4.5:1 on every surface).',
  'color-surface': 'Inputs, buttons and boxes that sit on the page.',
  'color-surface-muted': 'Tinted panels: the online-level box, the apology on the tracker.',
  'color-readonly': 'Read-only inputs.',
  'color-notice': 'Information panels (a restored draft, an old address) and a drop zone in use.',
  'color-border': 'Borders of inputs and controls (≥ 3:1, WCAG 1.4.11).',
  'color-rule': 'Decorative lines and panel borders that carry no meaning.',
  'color-accent':
    'The brand colour: buttons, ticks, progress, the tracker’s status bar. `--egov-color-primary` is its deprecated old name.',
  'color-on-accent': 'Text on the accent colour (filled buttons).',
  'color-link': 'Links and link-like procedure names.',
  'color-error': 'Error messages, error borders, the overdue flag.',
  'color-on-error': 'Text on the error colour (the overdue flag).',
  'color-success': 'Success: a resolved dossier, a free procedure, a valid signature.',
  'color-warning': 'Warnings: an expiring certificate.',
  'color-focus': 'The focus ring (≥ 3:1 against the surface in both themes, WCAG 1.4.11).',
  'font-family': 'Font of the elements; unset, they inherit the page’s.',
  'font-mono': 'Font of dossier codes and verification codes.',
  'font-size': 'Base font size.',
  'line-height': 'Base line height.',
  'field-gap': 'Space below each field.',
  'field-max-width':
    'Widest an input grows (the phone and citizen ID fields default to 16rem, their length).',
  radius: 'Corner radius of inputs, buttons and boxes.',
  'focus-width': 'Width of the focus ring.',
  'focus-offset': 'Gap between a control and its focus ring.',
};
