/**
 * Server-rendered pages for the hydration check in Chromium (scripts/checks/ssr-hydration.mjs).
 * Lives here so that `@lit-labs/ssr`, Lit and the elements resolve as the package's own.
 */
import { readFileSync } from 'node:fs';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '@egov-kit/elements/define';
import '@egov-kit/elements/digital-signature';

/** Every element tag in the built manifest. */
export function manifestTags() {
  const manifest = JSON.parse(
    readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'),
  );
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).flatMap((declaration) =>
      declaration.customElement && declaration.tagName ? [declaration.tagName] : [],
    ),
  );
}

/** A page with every element rendered on the server from attributes only, then `/client.js`. */
export async function renderHydrationPage(tags) {
  const parts = [];
  for (const tag of tags) {
    const name = unsafeStatic(tag);
    parts.push(
      await collectResult(
        render(staticHtml`<${name} lang="vi" label="Nhãn ${tag}" name=${tag}></${name}>`),
      ),
    );
  }
  return `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>SSR</title></head>
  <body>
    ${parts.join('\n    ')}
    <script>
      // Before any script defines the elements: mark what the server sent.
      window.serverNodes = new Map();
      for (const element of document.querySelectorAll('*')) {
        if (!element.localName.startsWith('egov-') || !element.shadowRoot) continue;
        window.serverNodes.set(element, {
          parts: [...element.shadowRoot.querySelectorAll('[part]')],
        });
      }
    </script>
    <script type="module" src="/client.js"></script>
  </body>
</html>`;
}

/** Bundles hydrate-client.js for the browser into `outDir/client.js`. */
export async function bundleHydrationClient(outDir) {
  const { build } = await import('vite');
  const root = new URL('..', import.meta.url).pathname;
  await build({
    root,
    logLevel: 'error',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      lib: {
        entry: new URL('./hydrate-client.js', import.meta.url).pathname,
        formats: ['es'],
        fileName: () => 'client.js',
      },
    },
  });
}
