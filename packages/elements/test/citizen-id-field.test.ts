import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/citizen-id-field/define.js';
import type { EgovCitizenIdField } from '../src/citizen-id-field/citizen-id-field.js';
import { runFormControlSuite } from './form-control-suite.js';
import { commit, typeInto } from './helpers.js';

const type = (field: EgovCitizenIdField, value: string) => typeInto(field, 'input', value);

runFormControlSuite<EgovCitizenIdField>({
  tag: 'egov-citizen-id-field',
  render: ({ required, value, hint }) =>
    html`<egov-citizen-id-field name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-citizen-id-field>`,
  validValue: '001099012345',
  initialValue: '079201000123',
  fill: type,
});

describe('egov-citizen-id-field', () => {
  it('says why a number is refused, with validateCitizenId’s message, in the page language', async () => {
    const field = await fixture<EgovCitizenIdField>(
      html`<egov-citizen-id-field lang="en" label="Citizen ID"></egov-citizen-id-field>`,
    );
    await type(field, '12345');
    expect(field.validationMessage).to.equal(
      'The personal identification number must be exactly 12 digits.',
    );
    await type(field, '999099012345');
    expect(field.validationMessage).to.contain('(999) are not a province code');
    field.reportValidity();
    await field.updateComplete;
    await expect(field).to.be.accessible();
  });

  it('submits the twelve digits and shows them so after the person leaves the field', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-citizen-id-field name="id" label="Số định danh"></egov-citizen-id-field></form>`,
    );
    const field = form.querySelector('egov-citizen-id-field') as EgovCitizenIdField;
    await field.updateComplete;
    await type(field, '001 099.012-345');
    expect(field.checkValidity()).to.equal(true);
    expect(new FormData(form).get('id')).to.equal('001099012345');
    await commit(field, 'input');
    expect(field.value).to.equal('001099012345');
    expect(field.shadowRoot?.querySelector('input')?.value).to.equal('001099012345');
  });

  it('asks for a numeric keyboard', async () => {
    const field = await fixture<EgovCitizenIdField>(
      html`<egov-citizen-id-field label="Số định danh"></egov-citizen-id-field>`,
    );
    expect(field.shadowRoot?.querySelector('input')?.getAttribute('inputmode')).to.equal('numeric');
  });
});
