import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/textarea/define.js';
import type { EgovTextarea } from '../src/textarea/textarea.js';
import { runFormControlSuite } from './form-control-suite.js';
import { partText, typeInto, until } from './helpers.js';

const type = (field: EgovTextarea, value: string) => typeInto(field, 'textarea', value);

runFormControlSuite<EgovTextarea>({
  tag: 'egov-textarea',
  render: ({ required, value, hint }) =>
    html`<egov-textarea name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-textarea>`,
  validValue: 'Nguyễn Văn An\nxóm Đông',
  fill: type,
});

describe('egov-textarea', () => {
  it('counts the characters left, and over, without cutting the text', async () => {
    const field = await fixture<EgovTextarea>(
      html`<egov-textarea label="Nội dung" maxlength="10"></egov-textarea>`,
    );
    expect(partText(field, 'count')).to.equal('Bạn còn 10 ký tự');
    await type(field, 'Xin chào');
    expect(partText(field, 'count')).to.equal('Bạn còn 2 ký tự');
    await type(field, 'Xin chào các bạn');
    expect(field.value).to.equal('Xin chào các bạn');
    expect(partText(field, 'count')).to.equal('Bạn đã nhập quá 6 ký tự');
    expect(field.validity.tooLong).to.equal(true);
    expect(field.validationMessage).to.equal('Nhập tối đa 10 ký tự.');
    field.reportValidity();
    await field.updateComplete;
    await expect(field).to.be.accessible();
  });

  it('announces the count politely once the person pauses, not on every keystroke', async () => {
    const field = await fixture<EgovTextarea>(
      html`<egov-textarea lang="en" label="Details" maxlength="20"></egov-textarea>`,
    );
    const live = field.shadowRoot?.querySelector('[aria-live="polite"]') as HTMLElement;
    await type(field, 'Hello');
    expect(live.textContent?.trim()).to.equal('');
    await until(() => live.textContent?.trim() !== '', 2500);
    expect(live.textContent?.trim()).to.equal('You have 15 characters remaining');
  });

  it('tells the limit to screen readers through aria-describedby', async () => {
    const field = await fixture<EgovTextarea>(
      html`<egov-textarea label="Nội dung" hint="Ngắn gọn" maxlength="200"></egov-textarea>`,
    );
    const root = field.shadowRoot as ShadowRoot;
    const ids = root.querySelector('textarea')?.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids.map((id) => root.getElementById(id)?.textContent?.trim())).to.deep.equal([
      'Ngắn gọn',
      'Bạn có thể nhập tối đa 200 ký tự.',
    ]);
    await expect(field).to.be.accessible();
  });

  it('has no count without maxlength', async () => {
    const field = await fixture<EgovTextarea>(
      html`<egov-textarea label="Nội dung"></egov-textarea>`,
    );
    expect(partText(field, 'count')).to.equal(null);
  });

  it('checks minlength', async () => {
    const field = await fixture<EgovTextarea>(
      html`<egov-textarea label="Lý do" minlength="10"></egov-textarea>`,
    );
    await type(field, 'ngắn');
    expect(field.validity.tooShort).to.equal(true);
    await type(field, 'đủ dài rồi đấy');
    expect(field.checkValidity()).to.equal(true);
  });
});
