/**
 * The Storybook "Localisation" page works live: an agency's override of one string shows at
 * once in the element on the page, and an added locale (French) speaks where the page says
 * lang="fr", falling back to English for the words it lacks.
 */
import assert from 'node:assert/strict';

/** @param {(name: string, run: Function) => void} check */
export function registerLocalisationChecks(check) {
  check(
    'storybook: the Localisation page overrides a string and adds a locale, live',
    async (browser, { storybook }) => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(
        `${storybook}/iframe.html?id=localisation--override-and-add-a-locale&viewMode=story`,
      );
      const heading = (lang) =>
        page.evaluate((lang) => {
          const host = document.querySelector('egov-localisation-page')?.shadowRoot;
          const summary = host?.querySelector(`.demo[lang="${lang}"] egov-error-summary`);
          return summary?.shadowRoot?.querySelector('h2, [part="heading"]')?.textContent?.trim();
        }, lang);
      await page.waitForFunction(() =>
        document.querySelector('egov-localisation-page')?.shadowRoot?.querySelector('#wording'),
      );
      assert.equal(await heading('vi'), 'Có lỗi cần sửa');
      const settle = () => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      await page.locator('egov-localisation-page #wording').fill('Hồ sơ còn thiếu');
      await settle();
      assert.equal(await heading('vi'), 'Hồ sơ còn thiếu');
      // Before French is added, lang="fr" finds no French and speaks Vietnamese (the default).
      assert.equal(await heading('fr'), 'Hồ sơ còn thiếu');
      await page.locator('egov-localisation-page button').click();
      await settle();
      assert.equal(await heading('fr'), 'Il y a un problème');
      const counter = await page.evaluate(() => {
        const host = document.querySelector('egov-localisation-page')?.shadowRoot;
        const area = host?.querySelector('.demo[lang="fr"] egov-textarea');
        return area?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
      });
      assert.match(counter, /Il vous reste 13 caractères/);
      const rows = await page.evaluate(
        () =>
          document.querySelector('egov-localisation-page')?.shadowRoot?.querySelectorAll('tbody tr')
            .length ?? 0,
      );
      assert.ok(rows > 300, `only ${rows} message ids listed`);
      await page.close();
    },
  );
}
