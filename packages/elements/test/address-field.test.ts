import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/address-field/define.js';
import type { AddressValue, EgovAddressField } from '../src/address-field/address-field.js';
import { runFormControlSuite } from './form-control-suite.js';
import { partText, typeInto, until } from './helpers.js';

const HAI_VAN: AddressValue = {
  provinceCode: '48',
  communeCode: '20194',
  street: '12 Nguyễn Văn Cừ',
};
const BA_DINH: AddressValue = {
  provinceCode: '01',
  communeCode: '00004',
  street: '1 Hoàng Hoa Thám',
};

const optionCount = (field: EgovAddressField, id: string) =>
  field.shadowRoot?.querySelectorAll(`#${id} option`).length ?? 0;

async function pick(field: EgovAddressField, id: string, value: string) {
  const select = field.shadowRoot?.querySelector(`#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await field.updateComplete;
}

/** Fills the address as a person would: province, then commune, then street. */
async function fillAddress(field: EgovAddressField, json: string) {
  const address: AddressValue = json
    ? JSON.parse(json)
    : { provinceCode: '', communeCode: '', street: '' };
  await until(() => optionCount(field, 'province') > 1);
  await pick(field, 'province', address.provinceCode);
  // The province's communes are fetched when it is picked: a person waits for the list.
  if (address.provinceCode) await until(() => optionCount(field, 'commune') > 1);
  await pick(field, 'commune', address.communeCode);
  await typeInto(field, '#street', address.street);
}

runFormControlSuite<EgovAddressField>({
  tag: 'egov-address-field',
  render: ({ required, value, hint }) =>
    html`<egov-address-field name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-address-field>`,
  validValue: JSON.stringify(HAI_VAN),
  initialValue: JSON.stringify(BA_DINH),
  fill: fillAddress,
  read: (field) => (field.value.provinceCode ? JSON.stringify(field.value) : ''),
});

describe('egov-address-field', () => {
  it('loads the provinces lazily, then the communes of the chosen province', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field label="Nơi thường trú"></egov-address-field>`,
    );
    await until(() => optionCount(field, 'province') > 1);
    expect(optionCount(field, 'province')).to.equal(35);
    const commune = field.shadowRoot?.querySelector('#commune') as HTMLSelectElement;
    expect(commune.disabled).to.equal(true);
    // A province no other test has picked: its communes are fetched now, and said so meanwhile.
    await pick(field, 'province', '96');
    expect(commune.disabled).to.equal(false);
    expect(commune.getAttribute('aria-busy')).to.equal('true');
    await until(() => optionCount(field, 'commune') > 1);
    expect(commune.getAttribute('aria-busy')).to.equal('false');
    expect(optionCount(field, 'commune')).to.be.greaterThan(50);
    expect(partText(field, 'base')).not.to.contain('Đang tải');
    // Sorted as Vietnamese is, not by statistics-office code.
    const names = Array.from(commune.options)
      .slice(1)
      .map((option) => option.text.trim());
    expect(names).to.deep.equal([...names].sort(new Intl.Collator('vi').compare));
    await expect(field).to.be.accessible();
  });

  it('empties the commune when the province changes', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field label="Nơi ở" value=${JSON.stringify(HAI_VAN)}></egov-address-field>`,
    );
    await until(() => optionCount(field, 'commune') > 1);
    await pick(field, 'province', '01');
    expect(field.value).to.deep.equal({
      provinceCode: '01',
      communeCode: '',
      street: HAI_VAN.street,
    });
  });

  it('reports an unfinished address with the schema’s message and marks the missing part', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field lang="en" label="Permanent residence"></egov-address-field>`,
    );
    await until(() => optionCount(field, 'province') > 1);
    await pick(field, 'province', '48');
    expect(field.validity.badInput).to.equal(true);
    expect(field.validationMessage).to.equal(
      'Choose the province, the commune and enter the street for permanent residence.',
    );
    field.reportValidity();
    await field.updateComplete;
    const root = field.shadowRoot as ShadowRoot;
    expect(root.activeElement?.id).to.equal('commune');
    expect(root.querySelector('#province')?.getAttribute('aria-invalid')).to.equal('false');
    expect(root.querySelector('#commune')?.getAttribute('aria-invalid')).to.equal('true');
    await expect(field).to.be.accessible();
  });

  it('proposes today’s unit for an old commune code, and takes it on request', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field label="Nơi thường trú" old-code="00001"></egov-address-field>`,
    );
    await until(() => (partText(field, 'old-address') ?? '') !== '');
    expect(partText(field, 'old-address')).to.contain('Địa chỉ cũ "Phường Phúc Xá" nay thuộc:');
    const button = field.shadowRoot?.querySelector(
      '[part="old-address"] button',
    ) as HTMLButtonElement;
    expect(button.textContent?.trim()).to.equal('Dùng Phường Hồng Hà, Thành phố Hà Nội');
    await expect(field).to.be.accessible();
    button.click();
    await field.updateComplete;
    expect(field.value).to.deep.equal({ provinceCode: '01', communeCode: '00097', street: '' });
    await until(() => field.shadowRoot?.activeElement?.id === 'street');
  });

  it('offers every candidate of a split commune and says to check', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field lang="en" label="Address" old-code="00007"></egov-address-field>`,
    );
    await until(() => (partText(field, 'old-address') ?? '') !== '');
    const text = partText(field, 'old-address') ?? '';
    expect(text).to.contain('these are only candidates');
    expect(field.shadowRoot?.querySelectorAll('[part="old-address"] button').length).to.equal(2);
  });

  it('maps an old province code to the province it merged into', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field label="Quê quán" old-code="49"></egov-address-field>`,
    );
    await until(() => (partText(field, 'old-address') ?? '') !== '');
    (
      (field.shadowRoot as ShadowRoot).querySelector(
        '[part="old-address"] button',
      ) as HTMLButtonElement
    ).click();
    await field.updateComplete;
    expect(field.value.provinceCode).to.equal('48');
  });

  it('says when an old code is unknown', async () => {
    const field = await fixture<EgovAddressField>(
      html`<egov-address-field label="Quê quán" old-code="99999"></egov-address-field>`,
    );
    await until(() => (partText(field, 'old-address') ?? '') !== '');
    expect(partText(field, 'old-address')).to.contain(
      'Không tìm thấy đơn vị hành chính cũ có mã 99999',
    );
  });

  it('submits the address as JSON under its name', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <egov-address-field name="address" label="Nơi ở" value=${JSON.stringify(HAI_VAN)}></egov-address-field>
    </form>`);
    const field = form.querySelector('egov-address-field') as EgovAddressField;
    await field.updateComplete;
    expect(JSON.parse(String(new FormData(form).get('address')))).to.deep.equal(HAI_VAN);
  });
});
