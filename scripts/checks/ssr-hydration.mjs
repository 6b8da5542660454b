/**
 * Hydration in Chromium of elements rendered on the server with Lit SSR (docs/elements/ssr.md):
 * every element of the manifest is rendered in Node, the page loads Lit's hydration support and
 * the elements, and each element must keep the nodes the server sent (not draw itself again: the
 * same first node, the same number of nodes) and work — a hydrated field takes typing.
 * Registered by scripts/browser-checks.mjs.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFolder } from '../lib/static-server.mjs';

export function registerSsrChecks(check) {
  check(
    'ssr: server-rendered elements hydrate in Chromium without drawing again',
    async (browser) => {
      const { bundleHydrationClient, manifestTags, renderHydrationPage } = await import(
        '../../packages/elements/test-node/ssr-page.mjs'
      );
      const dir = await mkdtemp(join(tmpdir(), 'egov-ssr-'));
      const server = await serveFolder(dir);
      const page = await browser.newPage();
      try {
        const tags = manifestTags();
        await writeFile(join(dir, 'index.html'), await renderHydrationPage(tags));
        await bundleHydrationClient(dir);
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        // The server's HTML alone, before any script: the declarative shadow roots are there.
        await page.route('**/client.js', (route) => route.abort());
        await page.goto(`${server.url}/`);
        const before = await page.evaluate(() => window.serverNodes.size);
        assert.equal(before, tags.length, 'every element arrives with its shadow root');
        await page.unroute('**/client.js');
        errors.length = 0;

        await page.goto(`${server.url}/`);
        await page.waitForFunction((count) => {
          const defined = [...window.serverNodes.keys()].filter((element) =>
            customElements.get(element.localName),
          );
          return defined.length === count;
        }, tags.length);
        await page.evaluate(() =>
          Promise.all([...window.serverNodes.keys()].map((element) => element.updateComplete)),
        );
        // Hydrated: every part the server sent is still there, and no part twice. (Drawn again
        // from scratch, Lit would add a second copy of the template beside the server's: each
        // part the server sent would be there twice.) Other nodes may change with data loaded in
        // the browser, like the address field's units, and parts the server did not send may
        // appear with a module loaded by `import()`, like the signature pad's box to draw in.
        const redrawn = await page.evaluate(() =>
          [...window.serverNodes].flatMap(([element, server]) => {
            const lost = server.parts.filter((node) => !element.shadowRoot.contains(node)).length;
            const count = (nodes) => {
              const counts = new Map();
              for (const node of nodes) {
                const name = node.getAttribute('part');
                counts.set(name, (counts.get(name) ?? 0) + 1);
              }
              return counts;
            };
            const before = count(server.parts);
            const after = count(element.shadowRoot.querySelectorAll('[part]'));
            const doubled = [...before].filter(([name, n]) => after.get(name) !== n);
            return lost === 0 && doubled.length === 0
              ? []
              : [
                  `${element.localName}: ${lost} parts replaced; ${doubled
                    .map(([name, n]) => `${name} ${n} → ${after.get(name) ?? 0}`)
                    .join(', ')}`,
                ];
          }),
        );
        assert.deepEqual(redrawn, [], 'elements drew themselves again instead of hydrating');
        // A hydrated field works: its listeners are on the server's nodes.
        await page.locator('egov-text-field input').fill('Nguyễn Văn A');
        assert.equal(
          await page.locator('egov-text-field').evaluate((element) => element.value),
          'Nguyễn Văn A',
        );
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        await server.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
