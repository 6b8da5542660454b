import { expect, fixture, html } from '@open-wc/testing';
import '../src/error-summary/define.js';
import '../src/text-field/define.js';
import '../src/radio-group/define.js';
import type { EgovErrorSummary } from '../src/error-summary/error-summary.js';
import type { EgovRadioGroup } from '../src/radio-group/radio-group.js';
import type { EgovTextField } from '../src/text-field/text-field.js';
import { typeInto } from './helpers.js';

const YES_NO = [
  { value: 'yes', label: 'Có' },
  { value: 'no', label: 'Không' },
];

async function page(lang = 'vi') {
  const wrapper = await fixture(html`<main lang=${lang}>
    <egov-error-summary for="application"></egov-error-summary>
    <form id="application">
      <egov-text-field id="fullName" name="fullName" label="Họ và tên" required></egov-text-field>
      <egov-text-field id="email" name="email" type="email" label="Email" value="an@"></egov-text-field>
      <egov-radio-group id="married" name="married" label="Đã kết hôn" required .options=${YES_NO}></egov-radio-group>
      <input id="note" name="note" required aria-label="Ghi chú" />
      <button>Gửi</button>
    </form>
  </main>`);
  const summary = wrapper.querySelector('egov-error-summary') as EgovErrorSummary;
  const form = wrapper.querySelector('form') as HTMLFormElement;
  const field = (id: string) => wrapper.querySelector(`#${id}`) as EgovTextField;
  await Promise.all([summary.updateComplete, field('fullName').updateComplete]);
  return { wrapper, summary, form, field };
}

const links = (summary: EgovErrorSummary) =>
  Array.from(summary.shadowRoot?.querySelectorAll('a') ?? [], (link) => ({
    text: link.textContent?.trim(),
    href: link.getAttribute('href'),
  }));

describe('egov-error-summary', () => {
  it('stays hidden until a submit fails', async () => {
    const { summary } = await page();
    expect(summary.hidden).to.equal(true);
    expect(summary.shadowRoot?.querySelector('[part="base"]')).to.not.exist;
  });

  it('lists every error of a failed submit as a link to its field, and takes the focus', async () => {
    const { summary, form } = await page();
    let submitted = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = true;
    });
    form.requestSubmit();
    await summary.updateComplete;
    expect(submitted).to.equal(false);
    expect(summary.hidden).to.equal(false);
    const listed = links(summary);
    expect(listed.slice(0, 3)).to.deep.equal([
      { text: 'Nhập họ và tên.', href: '#fullName' },
      { text: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.', href: '#email' },
      { text: 'Chọn đã kết hôn.', href: '#married' },
    ]);
    // The native input is listed too, with the browser's own message.
    expect(listed[3]?.href).to.equal('#note');
    expect(document.activeElement).to.equal(summary);
    expect(summary.shadowRoot?.querySelector('[role="heading"]')?.textContent?.trim()).to.equal(
      'Có lỗi cần sửa',
    );
    await expect(summary).to.be.accessible();
  });

  it('moves the focus to the field when a link is followed', async () => {
    const { summary, form, field } = await page();
    form.requestSubmit();
    await summary.updateComplete;
    ((summary.shadowRoot as ShadowRoot).querySelectorAll('a')[2] as HTMLAnchorElement).click();
    expect(document.activeElement).to.equal(field('married'));
  });

  it('drops errors as they are fixed and updates the messages that change', async () => {
    const { summary, form, field } = await page('en');
    form.requestSubmit();
    await summary.updateComplete;
    expect(links(summary)).to.have.length(4);
    await typeInto(field('fullName'), 'input', 'Nguyễn Văn An');
    await summary.updateComplete;
    expect(links(summary).map((link) => link.href)).to.deep.equal(['#email', '#married', '#note']);
    await typeInto(field('email'), 'input', '');
    (field('married') as unknown as EgovRadioGroup).shadowRoot?.querySelector('input')?.click();
    await field('married').updateComplete;
    await summary.updateComplete;
    // An empty optional email is valid; the radio is chosen; only the native input remains.
    expect(links(summary).map((link) => link.href)).to.deep.equal(['#note']);
    const note = form.querySelector('#note') as HTMLInputElement;
    note.value = 'x';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve));
    await summary.updateComplete;
    expect(summary.hidden).to.equal(true);
  });

  it('speaks the page language', async () => {
    const { summary, form } = await page('en');
    form.requestSubmit();
    await summary.updateComplete;
    expect(summary.shadowRoot?.querySelector('[role="heading"]')?.textContent?.trim()).to.equal(
      'There is a problem',
    );
    expect(links(summary)[0]?.text).to.equal('Enter họ và tên.');
  });

  it('lists extra messages that belong to no field, and empties on reset', async () => {
    const { summary, form } = await page();
    await summary.show(['Hồ sơ này đã được nộp trước đó.']);
    const items = Array.from(summary.shadowRoot?.querySelectorAll('li') ?? []);
    expect(items[0]?.textContent?.trim()).to.equal('Hồ sơ này đã được nộp trước đó.');
    expect(items[0]?.querySelector('a')).to.not.exist;
    form.reset();
    await summary.updateComplete;
    expect(summary.hidden).to.equal(true);
  });

  it('leaves the focus to the first invalid field when no summary watches the form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <egov-text-field name="a" label="A" required></egov-text-field>
    </form>`);
    const field = form.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    form.requestSubmit();
    expect(document.activeElement).to.equal(field);
  });

  it('uses the enclosing form, a custom heading and level', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <egov-error-summary heading="Vui lòng kiểm tra" heading-level="3"></egov-error-summary>
      <egov-text-field id="a" name="a" label="A" required></egov-text-field>
    </form>`);
    const summary = form.querySelector('egov-error-summary') as EgovErrorSummary;
    await summary.updateComplete;
    form.requestSubmit();
    await summary.updateComplete;
    const heading = summary.shadowRoot?.querySelector('[role="heading"]');
    expect(heading?.textContent?.trim()).to.equal('Vui lòng kiểm tra');
    expect(heading?.getAttribute('aria-level')).to.equal('3');
    expect(document.activeElement).to.equal(summary);
  });
});
