/**
 * Every HTML example of the guides (```html blocks in docs/**\/*.md) runs as written in a plain
 * page, in Chromium, against the built files: no console error, no failed request, no bare
 * specifier left unresolved, every egov- element on it defined.
 *
 * A fragment gets the head docs/elements/cdn.md tells a site to write: an import map naming
 * `@egov-kit/client`, with the `integrity` of every file of both `integrity.json` files (so a
 * hash that does not match its file fails here too), and the elements' bundle. A whole page
 * (`<html>`) runs as it is. The pages are served at /egov-kit/elements/ on the reference
 * server's origin, so that their `/api/v1` calls and the demo sign-in work; /egov-kit/elements/
 * and /egov-kit/client/ serve the built bundles. Registered by scripts/browser-checks.mjs.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const served = {
  '/egov-kit/elements/': join(root, 'packages/elements/dist/'),
  '/egov-kit/client/': join(root, 'packages/client/dist/browser/'),
};

function markdownFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return entry.endsWith('.md') ? [path] : [];
  });
}

/** The ```html blocks of every guide, with where they are. */
export function htmlExamples() {
  return markdownFiles(join(root, 'docs')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    // ```html no-run: an example that needs what a page cannot have here (a citizen's token,
    // their dossier); it still must not use a bare specifier the import map does not name.
    return [...text.matchAll(/^```html( no-run)?\n([\s\S]*?)^```$/gm)].map((match) => ({
      where: `${relative(root, file)}:${text.slice(0, match.index).split('\n').length}`,
      html: match[2],
      run: match[1] === undefined,
    }));
  });
}

/** The Subresource Integrity of every built file, by the URL the pages load it from. */
function builtIntegrity() {
  const integrity = {};
  for (const [url, dir] of Object.entries(served)) {
    const hashes = JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8'));
    for (const [file, hash] of Object.entries(hashes)) integrity[url + file] = hash;
  }
  return integrity;
}

/** The head of cdn.md, with the real hashes of the built files. */
function cdnHead() {
  const integrity = builtIntegrity();
  const map = { imports: { '@egov-kit/client': '/egov-kit/client/index.js' }, integrity };
  return `<meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <script type="importmap">${JSON.stringify(map)}</script>
    <script type="module" src="/egov-kit/elements/egov-elements.js"></script>`;
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

export function registerDocsExampleChecks(check) {
  for (const [index, example] of htmlExamples().entries()) {
    if (!example.run) {
      check(
        `docs: the HTML example at ${example.where} names no bare specifier but @egov-kit/client`,
        () => {
          const bare = [
            ...example.html.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g),
          ]
            .map((match) => match[1])
            .filter((specifier) => specifier !== '@egov-kit/client');
          assert.deepEqual(bare, [], example.where);
        },
      );
      continue;
    }
    check(
      `docs: the HTML example at ${example.where} runs in a plain page`,
      async (browser, { portal }) => {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          // A failed response is reported with its address below.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
            errors.push(message.text());
          }
        });
        page.on('requestfailed', (request) =>
          errors.push(`${request.failure()?.errorText} ${request.url()}`),
        );
        page.on('response', (response) => {
          if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
            errors.push(`${response.status()} ${response.url()}`);
          }
        });
        const url = `${portal}/egov-kit/elements/docs-example-${index}.html`;
        const whole = /<html[\s>]/.test(example.html);
        // A guide writes "sha384-…" where a site puts the hash from integrity.json: so does this.
        const integrity = builtIntegrity();
        const body = whole
          ? example.html.replace(/"(\/egov-kit\/[^"]+)": "sha384-[^"]*…[^"]*"/g, (text, path) =>
              integrity[path] ? `"${path}": "${integrity[path]}"` : text,
            )
          : `<!doctype html>\n<html lang="vi">\n  <head>\n    ${cdnHead()}\n  </head>\n  <body>\n${example.html}\n  </body>\n</html>\n`;
        try {
          await page.route(`${portal}/egov-kit/**`, async (route) => {
            const { pathname } = new URL(route.request().url());
            if (pathname === new URL(url).pathname) {
              return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
            }
            const prefix = Object.keys(served).find((candidate) => pathname.startsWith(candidate));
            const file = prefix && join(served[prefix], pathname.slice(prefix.length));
            if (!file || file.includes('..') || !existsSync(file))
              return route.fulfill({ status: 404, body: 'not found' });
            return route.fulfill({
              contentType: TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
              body: readFileSync(file),
            });
          });
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
          const undefinedTags = await page.evaluate(() =>
            [
              ...new Set([...document.querySelectorAll('*')].map((element) => element.localName)),
            ].filter((tag) => tag.startsWith('egov-') && !customElements.get(tag)),
          );
          assert.deepEqual(undefinedTags, [], 'elements not defined');
          assert.deepEqual(errors, [], `${example.where}`);
        } finally {
          await page.close();
        }
      },
    );
  }
}
