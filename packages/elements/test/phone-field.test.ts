import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/phone-field/define.js';
import type { EgovPhoneField } from '../src/phone-field/phone-field.js';
import { runFormControlSuite } from './form-control-suite.js';
import { commit, typeInto } from './helpers.js';

const type = (field: EgovPhoneField, value: string) => typeInto(field, 'input', value);

runFormControlSuite<EgovPhoneField>({
  tag: 'egov-phone-field',
  render: ({ required, value, hint }) =>
    html`<egov-phone-field name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-phone-field>`,
  validValue: '0912345678',
  initialValue: '02438251234',
  fill: type,
});

describe('egov-phone-field', () => {
  it('submits the national form of an international number, and shows it on leaving', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-phone-field name="phone" label="Số điện thoại"></egov-phone-field></form>`,
    );
    const field = form.querySelector('egov-phone-field') as EgovPhoneField;
    await field.updateComplete;
    await type(field, '+84 912 345 678');
    expect(new FormData(form).get('phone')).to.equal('0912345678');
    await commit(field, 'input');
    expect(field.value).to.equal('0912345678');
  });

  it('gives the new form of a renumbered mobile number, as validatePhone does', async () => {
    const field = await fixture<EgovPhoneField>(
      html`<egov-phone-field label="Số điện thoại"></egov-phone-field>`,
    );
    await type(field, '01694 123 456');
    expect(field.validity.valid).to.equal(false);
    expect(field.validationMessage).to.contain('0394123456');
    field.reportValidity();
    await field.updateComplete;
    await expect(field).to.be.accessible();
  });

  it('refuses a landline when kind="mobile"', async () => {
    const field = await fixture<EgovPhoneField>(
      html`<egov-phone-field lang="en" kind="mobile" label="Mobile"></egov-phone-field>`,
    );
    await type(field, '024 3825 1234');
    expect(field.validationMessage).to.contain('A mobile number is needed');
  });

  it('is a tel input with autofill', async () => {
    const field = await fixture<EgovPhoneField>(
      html`<egov-phone-field label="Số điện thoại"></egov-phone-field>`,
    );
    const input = field.shadowRoot?.querySelector('input');
    expect(input?.type).to.equal('tel');
    expect(input?.getAttribute('autocomplete')).to.equal('tel');
  });
});
