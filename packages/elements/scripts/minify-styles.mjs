/**
 * Minifies the CSS inside the elements' `css` template literals: esbuild and tsc keep a template
 * literal as written, so every indent, line break and comment of the `*.styles` files reached the
 * browser — about 0.7 kB of a form's first load, gzipped. Used on `dist` after `tsc` (run this
 * file) and, as an esbuild plugin, by tsup for the bundle. The `*.css.ts` files (and some
 * `*.styles.ts`) hold CSS as plain text, without Lit, each literal after a `css` comment: for
 * the lazy modules that import nothing of Lit (the signature pad's panels: signature-pad.ts).
 *
 * Only whitespace and comments go: runs of whitespace become one space, and the space around
 * `{ } ; , >` and after a declaration's colon is dropped. No quoted string in our styles holds
 * one of those next to a space (`content: '✓ '` keeps its space).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CSS_LITERAL = /(\bcss\s*|\/\* css \*\/ )`((?:[^`\\]|\\[\s\S])*)`/g;
const STYLES_FILE = /\.(styles|css)\.[jt]s$/;

/** The source text with the CSS of each `css` literal minified. */
export function minifyStyles(source) {
  return source.replace(CSS_LITERAL, (_, tag, body) => {
    const css = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/([\w-]): (?=[^{]*[;}])/g, '$1:')
      .trim();
    return `${tag}\`${css}\``;
  });
}

/** The esbuild plugin for tsup: the same, on the `*.styles.ts` and `*.css.ts` sources. */
export const minifyStylesPlugin = {
  name: 'egov-minify-styles',
  setup(build) {
    build.onLoad({ filter: STYLES_FILE }, (args) => ({
      contents: minifyStyles(readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

function* stylesFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* stylesFiles(path);
    else if (STYLES_FILE.test(entry.name)) yield path;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  for (const file of stylesFiles(dist)) {
    writeFileSync(file, minifyStyles(readFileSync(file, 'utf8')));
  }
}
