import type { Plugin } from 'esbuild';

/** The source text with the CSS of each `css` literal minified. */
export function minifyStyles(source: string): string;
/** The esbuild plugin for tsup: the same, on the `*.styles.ts` and `*.css.ts` sources. */
export const minifyStylesPlugin: Plugin;
