import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/date-field/define.js';
import type { EgovDateField } from '../src/date-field/date-field.js';
import { runFormControlSuite } from './form-control-suite.js';
import { partText, typeInto } from './helpers.js';

async function typeDate(field: EgovDateField, day: string, month: string, year: string) {
  await typeInto(field, '#day', day);
  await typeInto(field, '#month', month);
  await typeInto(field, '#year', year);
}

runFormControlSuite<EgovDateField>({
  tag: 'egov-date-field',
  render: ({ required, value, hint }) =>
    html`<egov-date-field name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-date-field>`,
  validValue: '1990-03-27',
  initialValue: '2000-01-31',
  fill: async (field, value) => {
    const [year = '', month = '', day = ''] = value ? value.split('-') : [];
    await typeDate(field, day, month, year);
  },
});

describe('egov-date-field', () => {
  it('builds YYYY-MM-DD from the three parts, and shows a value as parts', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field label="Ngày sinh" value="2001-09-02"></egov-date-field>`,
    );
    const inputs = Array.from(field.shadowRoot?.querySelectorAll('input') ?? []);
    expect(inputs.map((input) => input.value)).to.deep.equal(['2', '9', '2001']);
    await typeDate(field, '7', '3', '1990');
    expect(field.value).to.equal('1990-03-07');
  });

  it('refuses a date that does not exist, with the schema’s message', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field label="Ngày sinh"></egov-date-field>`,
    );
    await typeDate(field, '31', '2', '2001');
    expect(field.value).to.equal('');
    expect(field.validity.badInput).to.equal(true);
    expect(field.validationMessage).to.equal('Ngày sinh phải là một ngày có thật.');
    await typeDate(field, '29', '2', '2000');
    expect(field.value).to.equal('2000-02-29');
    expect(field.checkValidity()).to.equal(true);
  });

  it('says which part is missing, marks and focuses that part', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field lang="en" label="Date of birth"></egov-date-field>`,
    );
    await typeDate(field, '12', '', '1990');
    expect(field.validationMessage).to.equal(
      'Date of birth must include a day, a month and a year.',
    );
    field.reportValidity();
    await field.updateComplete;
    const root = field.shadowRoot as ShadowRoot;
    expect(root.activeElement?.id).to.equal('month');
    expect(root.querySelector('#month')?.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#day')?.getAttribute('aria-invalid')).to.equal('false');
    await expect(field).to.be.accessible();
  });

  it('asks for a four-digit year', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field label="Ngày cấp"></egov-date-field>`,
    );
    await typeDate(field, '1', '1', '90');
    expect(field.validationMessage).to.equal('Năm của ngày cấp phải có 4 chữ số.');
  });

  it('checks min and max, "today" included, in dd/mm/yyyy', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field label="Ngày cấp" min="2021-01-01" max="today"></egov-date-field>`,
    );
    await typeDate(field, '31', '12', '2020');
    expect(field.validity.rangeUnderflow).to.equal(true);
    expect(field.validationMessage).to.equal('Ngày cấp phải từ ngày 01/01/2021 trở đi.');
    await typeDate(field, '1', '1', String(new Date().getFullYear() + 1));
    expect(field.validity.rangeOverflow).to.equal(true);
    expect(field.validationMessage).to.equal('Ngày cấp không được sau ngày hôm nay.');
    await typeDate(field, '15', '6', '2022');
    expect(field.checkValidity()).to.equal(true);
  });

  it('splits a whole date typed or pasted into the day box', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field label="Ngày sinh"></egov-date-field>`,
    );
    await typeInto(field, '#day', '27/03/1990');
    expect(field.value).to.equal('1990-03-27');
    const inputs = Array.from(field.shadowRoot?.querySelectorAll('input') ?? []);
    expect(inputs.map((input) => input.value)).to.deep.equal(['27', '03', '1990']);
  });

  it('restores a date left unfinished, part by part', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field label="Ngày sinh"></egov-date-field>`,
    );
    field.formStateRestoreCallback('12//1990', 'restore');
    await field.updateComplete;
    const inputs = Array.from(field.shadowRoot?.querySelectorAll('input') ?? []);
    expect(inputs.map((input) => input.value)).to.deep.equal(['12', '', '1990']);
  });

  it('labels its parts in the page language and groups them under the question', async () => {
    const field = await fixture<EgovDateField>(
      html`<egov-date-field lang="en" label="Date of birth" autocomplete="bday"></egov-date-field>`,
    );
    const root = field.shadowRoot as ShadowRoot;
    expect(partText(field, 'label')).to.equal('Date of birth');
    expect(
      Array.from(root.querySelectorAll('.part label'), (label) => label.textContent),
    ).to.deep.equal(['Day', 'Month', 'Year']);
    expect(root.querySelector('#year')?.getAttribute('autocomplete')).to.equal('bday-year');
  });
});
