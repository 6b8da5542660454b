/**
 * Every story of the Storybook build, read from its index.json (a new story is checked without
 * being named): axe finds no WCAG 2.2 A/AA violation in it on a light page AND on a dark page
 * (the theme toolbar), and the language toolbar reaches every egov element in it (with English
 * chosen, each one's nearest `lang` is English). One check per component, all its stories.
 * Registered by scripts/browser-checks.mjs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const axeSource = readFileSync(
  fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
);
const storybookDir = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

/** The stories of the build, by component title; none when Storybook is not built. */
function storiesByTitle() {
  let index;
  try {
    index = JSON.parse(readFileSync(`${storybookDir}index.json`, 'utf8'));
  } catch {
    return new Map();
  }
  const byTitle = new Map();
  for (const entry of Object.values(index.entries)) {
    if (entry.type !== 'story') continue;
    byTitle.set(entry.title, [...(byTitle.get(entry.title) ?? []), entry]);
  }
  return byTitle;
}

/** Waits until the story has rendered and every egov element in it has finished updating. */
async function settled(page) {
  await page.waitForFunction(
    () => document.querySelector('#storybook-root')?.childElementCount > 0,
    null,
    {
      timeout: 15_000,
    },
  );
  await page.evaluate(async () => {
    const all = (root) =>
      [...root.querySelectorAll('*')].flatMap((element) => [
        element,
        ...(element.shadowRoot ? all(element.shadowRoot) : []),
      ]);
    for (let round = 0; round < 2; round += 1) {
      await Promise.all(
        all(document)
          .filter((element) => element.localName.startsWith('egov-') && 'updateComplete' in element)
          .map((element) => element.updateComplete),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

/**
 * Shows a story with the given toolbar values through Storybook's own channel — what the
 * toolbar does — without reloading the preview (a reload per story and theme took 1 s each).
 */
async function show(page, storyId, globals) {
  try {
    await showInPlace(page, storyId, globals);
  } catch (error) {
    // A story that navigates (a form that submits) ends the page: load the story itself.
    if (!String(error).includes('Execution context was destroyed')) throw error;
    const encoded = Object.entries(globals)
      .map(([key, value]) => `${key}:${value}`)
      .join(';');
    await page.goto(
      `${new URL(page.url()).origin}/iframe.html?id=${storyId}&viewMode=story&globals=${encoded}`,
    );
    await page.waitForLoadState('networkidle');
    if (!(await page.evaluate(() => 'axe' in window)))
      await page.addScriptTag({ content: axeSource });
  }
  await settled(page);
}

async function showInPlace(page, storyId, globals) {
  await page.evaluate(
    ({ storyId, globals }) =>
      new Promise((resolve, reject) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const timer = setTimeout(() => reject(new Error(`${storyId} did not render`)), 15_000);
        const done = (id) => {
          if (id !== storyId) return;
          clearTimeout(timer);
          channel.off('storyRendered', done);
          resolve();
        };
        channel.on('storyRendered', done);
        channel.emit('updateGlobals', { globals });
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    { storyId, globals },
  );
}

export function registerStoryChecks(check) {
  const byTitle = storiesByTitle();
  if (byTitle.size === 0) {
    check('storybook: every story axe-clean light and dark', () => {
      throw new Error(
        'storybook-static/index.json lists no story: run `pnpm build-storybook` first',
      );
    });
  }
  for (const [title, stories] of byTitle) {
    check(
      `storybook: "${title}" — every story axe-clean light and dark, and follows the language toolbar`,
      async (browser, { storybook }) => {
        const page = await browser.newPage();
        page.setDefaultTimeout(15_000);
        const problems = [];
        try {
          await page.goto(`${storybook}/iframe.html?id=${stories[0].id}&viewMode=story`);
          // The preview loads itself once more after the first load: let it finish.
          await page.waitForLoadState('networkidle');
          await settled(page);
          await page.addScriptTag({ content: axeSource });
          for (const story of stories) {
            // Light in Vietnamese, then dark in English: both themes and both languages, in two renders
            // per story (the whole catalogue is ~250 stories).
            for (const [theme, locale] of [
              ['light', 'vi'],
              ['dark', 'en'],
            ]) {
              await show(page, story.id, { theme, locale });
              const violations = await page.evaluate(async () => {
                const result = await window.axe.run(document.querySelector('#storybook-root'), {
                  runOnly: {
                    type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
                  },
                });
                return result.violations.map(
                  (violation) =>
                    `${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')} — ${violation.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
                );
              });
              for (const violation of violations)
                problems.push(`${story.name}, ${theme}: ${violation}`);
              if (locale !== 'en') continue;
              const notEnglish = await page.evaluate(() => {
                const langOf = (element) => {
                  let current = element;
                  while (current) {
                    const owner = current.closest('[lang]');
                    if (owner) return owner.getAttribute('lang');
                    const root = current.getRootNode();
                    current = root instanceof ShadowRoot ? root.host : null;
                  }
                  return null;
                };
                return [...document.querySelectorAll('#storybook-root *')]
                  .filter(
                    (element) => element.localName.startsWith('egov-') && langOf(element) !== 'en',
                  )
                  .map((element) => `${element.localName} speaks ${langOf(element)}`);
              });
              for (const line of notEnglish)
                problems.push(`${story.name}, English toolbar: ${line}`);
            }
          }
          assert.deepEqual(problems, [], `${title}`);
        } finally {
          await page.close();
        }
      },
    );
  }
}

/** Each stories file's component tag, by its title (`title: '…'` and `component: 'egov-…'`). */
function componentsByTitle() {
  const dir = fileURLToPath(new URL('../../stories/', import.meta.url));
  const byTitle = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.stories.ts'))) {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    const title = text.match(/^\s*title: '([^']+)'/m)?.[1];
    const component = text.match(/^\s*component: '(egov-[a-z-]+)'/m)?.[1];
    if (title && component) byTitle.set(title, component);
  }
  return byTitle;
}

export function registerDocsDescriptionCheck(check) {
  check(
    'storybook: every element’s Docs page shows its description from the manifest',
    async (browser, { storybook }) => {
      const index = JSON.parse(readFileSync(`${storybookDir}index.json`, 'utf8'));
      const manifest = JSON.parse(
        readFileSync(
          fileURLToPath(new URL('../../packages/elements/custom-elements.json', import.meta.url)),
          'utf8',
        ),
      );
      const summaries = new Map(
        manifest.modules
          .flatMap((module) => module.declarations ?? [])
          .filter((declaration) => declaration.tagName)
          .map((declaration) => [
            declaration.tagName,
            (declaration.summary ?? declaration.description ?? '').split('\n')[0],
          ]),
      );
      const components = componentsByTitle();
      const docs = Object.values(index.entries).filter(
        (entry) => entry.type === 'docs' && components.has(entry.title),
      );
      assert.ok(docs.length >= 20, `only ${docs.length} docs pages of elements`);
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      const missing = [];
      try {
        for (const entry of docs) {
          const summary = summaries.get(components.get(entry.title));
          if (!summary) {
            missing.push(
              `${entry.title}: ${components.get(entry.title)} has no summary in the manifest`,
            );
            continue;
          }
          await page.goto(`${storybook}/iframe.html?id=${entry.id}&viewMode=docs`);
          // The start of the summary, as Markdown renders it (code spans lose their backticks).
          const words = summary.replaceAll('`', '').slice(0, 40);
          const found = await page
            .getByText(words, { exact: false })
            .first()
            .waitFor({ timeout: 10_000 })
            .then(() => true)
            .catch(() => false);
          if (!found) missing.push(`${entry.title}: "${words}…" not on its Docs page`);
        }
        assert.deepEqual(missing, []);
      } finally {
        await page.close();
      }
    },
  );
}
