import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/text-field/define.js';
import type { EgovTextField } from '../src/text-field/text-field.js';
import { runFormControlSuite } from './form-control-suite.js';

async function type(field: EgovTextField, value: string) {
  const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await field.updateComplete;
}

runFormControlSuite<EgovTextField>({
  tag: 'egov-text-field',
  render: ({ required, value, hint }) =>
    html`<egov-text-field name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-text-field>`,
  validValue: 'Nguyễn Văn An',
  fill: type,
});

describe('egov-text-field', () => {
  it('checks the email format and says so in the page language', async () => {
    const wrapper = await fixture(html`<div lang="en">
      <egov-text-field type="email" label="Email" value="an.nguyen@"></egov-text-field>
    </div>`);
    const field = wrapper.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    expect(field.validity.typeMismatch).to.equal(true);
    expect(field.validationMessage).to.contain('email address in the correct format');
    await type(field, 'an.nguyen@example.vn');
    expect(field.checkValidity()).to.equal(true);
  });

  it('speaks Vietnamese by default', async () => {
    const field = await fixture<EgovTextField>(
      html`<egov-text-field type="email" label="Email" value="x"></egov-text-field>`,
    );
    expect(field.validationMessage).to.contain('Nhập địa chỉ email');
  });

  it('checks minlength and pattern with its own message', async () => {
    const field = await fixture<EgovTextField>(html`<egov-text-field
      label="Mã hồ sơ" minlength="3" pattern="[A-Z]{2}-\\d+" pattern-message="Mã hồ sơ có dạng HS-123."></egov-text-field>`);
    await type(field, 'H');
    expect(field.validity.tooShort).to.equal(true);
    await type(field, 'hs-12');
    expect(field.validity.patternMismatch).to.equal(true);
    expect(field.validationMessage).to.equal('Mã hồ sơ có dạng HS-123.');
    await type(field, 'HS-12');
    expect(field.checkValidity()).to.equal(true);
  });

  it('keeps what the person typed when the value attribute changes later', async () => {
    const field = await fixture<EgovTextField>(
      html`<egov-text-field label="Tên" value="a"></egov-text-field>`,
    );
    await type(field, 'typed');
    field.setAttribute('value', 'b');
    await field.updateComplete;
    expect(field.value).to.equal('typed');
  });

  it('fires input from typing and change on commit, not on programmatic changes', async () => {
    const field = await fixture<EgovTextField>(
      html`<egov-text-field label="Tên"></egov-text-field>`,
    );
    const events: string[] = [];
    field.addEventListener('input', () => events.push('input'));
    field.addEventListener('change', () => events.push('change'));
    field.value = 'programmatic';
    await field.updateComplete;
    expect(events).to.deep.equal([]);
    await type(field, 'An');
    const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
    input.dispatchEvent(new Event('change'));
    expect(events).to.deep.equal(['input', 'change']);
  });

  it('marks required fields visibly, and for assistive technology on the input', async () => {
    const field = await fixture<EgovTextField>(
      html`<egov-text-field label="Tên" required></egov-text-field>`,
    );
    const root = field.shadowRoot as ShadowRoot;
    expect(root.querySelector('.required-mark')?.getAttribute('aria-hidden')).to.equal('true');
    expect(root.querySelector('input')?.required).to.equal(true);
  });

  it('prefixes the error for screen readers with a hidden "Error:"', async () => {
    const field = await fixture<EgovTextField>(
      html`<egov-text-field lang="en" label="Name" required></egov-text-field>`,
    );
    field.reportValidity();
    await field.updateComplete;
    const error = field.shadowRoot?.querySelector('[part="error"]');
    expect(error?.querySelector('.visually-hidden')?.textContent).to.equal('Error:');
    expect(error?.textContent).to.contain('Enter name.');
  });

  it('submits its form on Enter, as a native input', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <egov-text-field name="q" label="Tìm"></egov-text-field><button>Tìm</button>
    </form>`);
    const field = form.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    let submitter: HTMLElement | null = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitter = (event as SubmitEvent).submitter;
    });
    field.focus();
    await sendKeys({ type: 'hồ sơ' });
    await sendKeys({ press: 'Enter' });
    expect(submitter).to.equal(form.querySelector('button'));
    expect(field.value).to.equal('hồ sơ');
  });

  it('checks type="number" as validateFormData does, within min and max', async () => {
    const field = await fixture<EgovTextField>(
      html`<egov-text-field type="number" label="Số con" min="1" max="20"></egov-text-field>`,
    );
    const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
    expect(input.type).to.equal('text');
    expect(input.getAttribute('inputmode')).to.equal('decimal');
    await type(field, '1.500');
    expect(field.checkValidity()).to.equal(true);
    await type(field, '1.500.000');
    expect(field.validity.badInput).to.equal(true);
    expect(field.validationMessage).to.equal('Số con phải là một số.');
    await type(field, '0');
    expect(field.validationMessage).to.equal('Số con phải từ 1 trở lên.');
    await type(field, '21');
    expect(field.validity.rangeOverflow).to.equal(true);
    expect(field.validationMessage).to.equal('Số con không được lớn hơn 20.');
    await type(field, '2');
    expect(field.checkValidity()).to.equal(true);
    field.reportValidity();
    await field.updateComplete;
    await expect(field).to.be.accessible();
  });
});
