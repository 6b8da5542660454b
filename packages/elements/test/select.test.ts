import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/select/define.js';
import type { EgovSelect } from '../src/select/select.js';
import { runFormControlSuite } from './form-control-suite.js';

async function choose(select: EgovSelect, value: string) {
  const native = select.shadowRoot?.querySelector('select') as HTMLSelectElement;
  native.value = value;
  native.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  native.dispatchEvent(new Event('change', { bubbles: true }));
  await select.updateComplete;
}

const PROVINCES = [
  { value: '01', label: 'Thành phố Hà Nội' },
  { value: '48', label: { vi: 'Thành phố Đà Nẵng', en: 'Da Nang City' } },
  { value: '79', label: 'Thành phố Hồ Chí Minh' },
];

runFormControlSuite<EgovSelect>({
  tag: 'egov-select',
  render: ({ required, value, hint }) =>
    html`<egov-select name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)} .options=${PROVINCES}></egov-select>`,
  validValue: '48',
  initialValue: '79',
  fill: choose,
});

describe('egov-select', () => {
  it('reads its choices from <option> children, and starts with "— Chọn —"', async () => {
    const select = await fixture<EgovSelect>(html`<egov-select label="Tỉnh" value="02">
      <option value="01">Hà Nội</option>
      <option value="02">Hà Giang</option>
    </egov-select>`);
    const native = select.shadowRoot?.querySelector('select') as HTMLSelectElement;
    expect(Array.from(native.options, (option) => option.text)).to.deep.equal([
      '— Chọn —',
      'Hà Nội',
      'Hà Giang',
    ]);
    expect(native.value).to.equal('02');
    await expect(select).to.be.accessible();
  });

  it('says "Select …" when required and empty, as validateFormData does', async () => {
    const select = await fixture<EgovSelect>(
      html`<egov-select lang="en" label="Province" required .options=${PROVINCES}></egov-select>`,
    );
    expect(select.validationMessage).to.equal('Select province.');
  });

  it('shows option labels in the page language', async () => {
    const select = await fixture<EgovSelect>(
      html`<egov-select lang="en" label="Province" .options=${PROVINCES}></egov-select>`,
    );
    const native = select.shadowRoot?.querySelector('select') as HTMLSelectElement;
    expect(native.options[2]?.text).to.equal('Da Nang City');
  });

  it('keeps its value when read-only', async () => {
    const select = await fixture<EgovSelect>(
      html`<egov-select label="Tỉnh" value="01" readonly .options=${PROVINCES}></egov-select>`,
    );
    let changed = false;
    select.addEventListener('change', () => {
      changed = true;
    });
    await choose(select, '79');
    expect(select.value).to.equal('01');
    expect(select.shadowRoot?.querySelector('select')?.value).to.equal('01');
    expect(changed).to.equal(false);
  });
});
