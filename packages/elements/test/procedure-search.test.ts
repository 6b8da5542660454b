import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/procedure-search/define.js';
import type { SearchableProcedure } from '../src/procedure-search/procedure-index.js';
import type { EgovProcedureSearch } from '../src/procedure-search/procedure-search.js';
import { partText, realProcedures, typeInto } from './helpers.js';

const procedures = await realProcedures();
const FIRST_REGISTRATION = 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu';

async function search(list: readonly SearchableProcedure[] = procedures, lang = 'vi') {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-procedure-search .procedures=${list}></egov-procedure-search>
  </div>`);
  const element = wrapper.querySelector('egov-procedure-search') as EgovProcedureSearch;
  await element.updateComplete;
  return element;
}

const shownNames = (element: EgovProcedureSearch) =>
  [...(element.shadowRoot?.querySelectorAll('[part="result"] .name') ?? [])].map(
    (name) => name.textContent ?? '',
  );

const buttons = (element: EgovProcedureSearch) => [
  ...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="result"]') ?? []),
];

async function choose(element: EgovProcedureSearch, id: string, value: string) {
  const select = element.shadowRoot?.querySelector(`#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

describe('egov-procedure-search', () => {
  it('marks the procedures’ Vietnamese names as lang="vi" on an English page', async () => {
    const element = await search(procedures, 'en');
    const names = [...(element.shadowRoot?.querySelectorAll('[part="result"] .name') ?? [])];
    expect(names.length).to.be.greaterThan(0);
    for (const name of names) expect(name.getAttribute('lang')).to.equal('vi');
  });

  it('finds first military service registration first, typed without diacritics', async () => {
    const element = await search();
    await typeInto(element, 'input', 'nghia vu quan su lan dau');
    expect(shownNames(element)[0]).to.equal(FIRST_REGISTRATION);
  });

  it('ignores case and diacritics: "NGHĨA VỤ" and "nghia vu" give the same results', async () => {
    const element = await search();
    await typeInto(element, 'input', 'NGHĨA VỤ');
    const upper = shownNames(element);
    await typeInto(element, 'input', 'nghia vu');
    expect(upper.length).to.be.greaterThan(1);
    expect(shownNames(element)).to.deep.equal(upper);
  });

  it('does not care about word order', async () => {
    const element = await search();
    await typeInto(element, 'input', 'lan dau quan su nghia vu');
    expect(shownNames(element)[0]).to.equal(FIRST_REGISTRATION);
  });

  for (const typo of [
    'nghĩa vu quan sư lần đầu',
    'nghla vu quan su lan dau',
    'nghia vu quaan su lan dau',
    'ngiha vu quan su lan dau', // two letters swapped
    'dang ki nghia vu quan su lan dau', // kí for ký
  ]) {
    it(`tolerates a small typo: "${typo}"`, async () => {
      const element = await search();
      await typeInto(element, 'input', typo);
      expect(shownNames(element)[0]).to.equal(FIRST_REGISTRATION);
    });
  }

  it('requires every word: an unknown word finds nothing, and says so', async () => {
    const element = await search();
    await typeInto(element, 'input', 'nghia vu khai sinh');
    expect(shownNames(element)).to.deep.equal([]);
    expect(partText(element, 'empty')).to.contain('Không tìm thấy thủ tục nào');
    expect(partText(element, 'count')).to.equal('0 thủ tục');
  });

  it('ranks name matches above matches in the other text only', async () => {
    const element = await search();
    // "quân sự" is in some names, and in the agency ("Ban chỉ huy quân sự cấp Xã") of others.
    await typeInto(element, 'input', 'quan su');
    const inName = shownNames(element).map((name) => /quân sự/i.test(name));
    expect(inName).to.include(true);
    expect(inName).to.include(false);
    expect(inName.indexOf(false)).to.equal(inName.lastIndexOf(true) + 1);
  });

  it('filters by level and online level', async () => {
    const element = await search();
    await typeInto(element, 'input', 'nghia vu quan su');
    expect(shownNames(element).length).to.equal(2);
    await choose(element, 'online-level', 'none');
    expect(shownNames(element)).to.deep.equal([
      'Thủ tục đăng ký nghĩa vụ quân sự chuyển đi khi thay đổi nơi cư trú hoặc nơi làm việc, học tập',
    ]);
    await choose(element, 'online-level', '');
    await choose(element, 'level', 'ministry');
    expect(shownNames(element)).to.deep.equal([]);
    await typeInto(element, 'input', '');
    expect(element.results.every((p) => p.levels.includes('ministry'))).to.be.true;
    expect(element.results.length).to.equal(
      procedures.filter((p) => p.levels.includes('ministry')).length,
    );
  });

  it('announces the result count politely, in vi and en', async () => {
    const vi = await search();
    const status = vi.shadowRoot?.querySelector('[part="count"]');
    expect(status?.getAttribute('role')).to.equal('status');
    expect(partText(vi, 'count')).to.equal('16 thủ tục');
    await typeInto(vi, 'input', 'nghia vu quan su');
    expect(partText(vi, 'count')).to.equal('2 thủ tục');
    const en = await search(procedures, 'en');
    await typeInto(en, 'input', 'nghia vu quan su lan dau');
    expect(partText(en, 'count')).to.equal('1 procedure');
    await typeInto(en, 'input', 'nghia vu quan su');
    expect(partText(en, 'count')).to.equal('2 procedures');
  });

  it('moves through the results with the arrow keys and picks one with Enter', async () => {
    const element = await search();
    const input = element.shadowRoot?.querySelector('input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'nghia vu quan su' });
    await element.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    expect(element.shadowRoot?.activeElement).to.equal(buttons(element)[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(element.shadowRoot?.activeElement).to.equal(buttons(element)[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(element.shadowRoot?.activeElement).to.equal(input);
    await sendKeys({ press: 'ArrowDown' });
    const picked = oneEvent(element, 'egov-procedure-select');
    await sendKeys({ press: 'Enter' });
    const event = await picked;
    expect(event.detail.procedure.name).to.equal(FIRST_REGISTRATION);
    expect(event.detail.procedure).to.equal(procedures[0]);
  });

  it('shows 20 at a time, "Show more" shows the next and focuses the first new one', async () => {
    const many = [...procedures, ...procedures].map((p, i) => ({ ...p, code: `${p.code}-${i}` }));
    const element = await search(many);
    expect(buttons(element).length).to.equal(20);
    expect(partText(element, 'count')).to.equal('32 thủ tục');
    const more = element.shadowRoot?.querySelector('[part="more"]') as HTMLButtonElement;
    expect(more.textContent).to.contain('còn 12');
    more.click();
    await element.updateComplete;
    await element.updateComplete;
    expect(buttons(element).length).to.equal(32);
    expect(element.shadowRoot?.activeElement).to.equal(buttons(element)[20]);
    expect(element.shadowRoot?.querySelector('[part="more"]')).to.be.null;
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`is axe-clean empty, with results and with none (${lang})`, async () => {
      const empty = await search([], lang);
      expect(partText(empty, 'count')).to.equal(lang === 'vi' ? '0 thủ tục' : '0 procedures');
      await expect(empty).to.be.accessible();
      const element = await search(procedures, lang);
      expect(element.shadowRoot?.querySelector('label[for="query"]')?.textContent).to.equal(
        lang === 'vi' ? 'Tìm thủ tục hành chính' : 'Search for a procedure',
      );
      await typeInto(element, 'input', 'nghia vu');
      await expect(element).to.be.accessible();
      await typeInto(element, 'input', 'khong co thu tuc nay');
      expect(partText(element, 'empty')).to.contain(
        lang === 'vi' ? 'Không tìm thấy' : 'No procedure found',
      );
      await expect(element).to.be.accessible();
    });
  }

  // Issue #18: results a person can open in a new tab, announced as links.
  describe('with result-href', () => {
    async function linked(href = '/procedure.html?code={code}') {
      const wrapper = await fixture<HTMLElement>(html`<div lang="vi">
        <egov-procedure-search .procedures=${procedures} result-href=${href}></egov-procedure-search>
      </div>`);
      const element = wrapper.querySelector('egov-procedure-search') as EgovProcedureSearch;
      await element.updateComplete;
      await typeInto(element, 'input', 'nghia vu quan su lan dau');
      return element;
    }

    it('makes each result a link to its page, and stays axe-clean', async () => {
      const element = await linked();
      const first = buttons(element)[0];
      expect(first?.localName).to.equal('a');
      const code = procedures.find((p) => p.name === FIRST_REGISTRATION)?.code ?? '';
      expect(first?.getAttribute('href')).to.equal(
        `/procedure.html?code=${encodeURIComponent(code)}`,
      );
      await expect(element).to.be.accessible();
    });

    it('lets a page route by itself: the event is cancelable and cancels the link', async () => {
      const element = await linked();
      const first = buttons(element)[0] as unknown as HTMLAnchorElement;
      element.addEventListener('egov-procedure-select', (event) => event.preventDefault(), {
        once: true,
      });
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      first.dispatchEvent(click);
      expect(click.defaultPrevented).to.be.true;
    });

    it('leaves a Ctrl-click (new tab) to the browser', async () => {
      const element = await linked();
      let fired = false;
      element.addEventListener('egov-procedure-select', () => {
        fired = true;
      });
      const first = buttons(element)[0] as unknown as HTMLAnchorElement;
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
      first.addEventListener('click', (event) => event.preventDefault(), { once: true });
      first.dispatchEvent(click);
      expect(fired).to.be.false;
    });

    it('refuses a javascript: address: results stay buttons', async () => {
      const element = await linked('javascript:alert({code})');
      expect(buttons(element)[0]?.localName).to.equal('button');
    });
  });
});
