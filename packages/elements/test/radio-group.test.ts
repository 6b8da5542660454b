import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/radio-group/define.js';
import type { EgovRadioGroup } from '../src/radio-group/radio-group.js';
import { runFormControlSuite } from './form-control-suite.js';

const SEX = [
  { value: 'male', label: { vi: 'Nam', en: 'Male' } },
  { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
  { value: 'other', label: { vi: 'Khác', en: 'Other' } },
];

async function choose(group: EgovRadioGroup, value: string) {
  const radios = Array.from(group.shadowRoot?.querySelectorAll('input') ?? []);
  const radio = radios.find((candidate) => candidate.value === value);
  if (radio) radio.click();
  else {
    // No radio for '': a person cannot untick a radio, but a script can clear the value.
    group.value = '';
  }
  await group.updateComplete;
}

runFormControlSuite<EgovRadioGroup>({
  tag: 'egov-radio-group',
  render: ({ required, value, hint }) =>
    html`<egov-radio-group name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)} .options=${SEX}></egov-radio-group>`,
  validValue: 'female',
  initialValue: 'male',
  fill: choose,
});

describe('egov-radio-group', () => {
  it('is a fieldset whose legend is the question', async () => {
    const group = await fixture<EgovRadioGroup>(
      html`<egov-radio-group label="Giới tính" .options=${SEX}></egov-radio-group>`,
    );
    const fieldset = group.shadowRoot?.querySelector('fieldset');
    expect(fieldset?.querySelector(':scope > legend')?.textContent?.trim()).to.equal('Giới tính');
    expect(fieldset?.querySelectorAll('input[type="radio"]').length).to.equal(3);
  });

  it('moves the choice with the arrow keys, as native radios do', async () => {
    const group = await fixture<EgovRadioGroup>(
      html`<egov-radio-group label="Giới tính" value="male" .options=${SEX}></egov-radio-group>`,
    );
    const events: string[] = [];
    group.addEventListener('input', () => events.push('input'));
    group.addEventListener('change', () => events.push('change'));
    group.focus();
    await sendKeys({ press: 'ArrowDown' });
    await group.updateComplete;
    expect(group.value).to.equal('female');
    await sendKeys({ press: 'ArrowDown' });
    await group.updateComplete;
    expect(group.value).to.equal('other');
    expect(events).to.deep.equal(['input', 'change', 'input', 'change']);
  });

  it('is entered with Tab at the chosen radio', async () => {
    const wrapper = await fixture(html`<div>
      <button>before</button>
      <egov-radio-group label="Giới tính" value="female" .options=${SEX}></egov-radio-group>
    </div>`);
    const group = wrapper.querySelector('egov-radio-group') as EgovRadioGroup;
    await group.updateComplete;
    (wrapper.querySelector('button') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(((group.shadowRoot as ShadowRoot).activeElement as HTMLInputElement).value).to.equal(
      'female',
    );
  });

  it('does not change when read-only, by click or arrow key', async () => {
    const group = await fixture<EgovRadioGroup>(
      html`<egov-radio-group label="Giới tính" value="male" readonly .options=${SEX}></egov-radio-group>`,
    );
    await choose(group, 'female');
    expect(group.value).to.equal('male');
    group.focus();
    await sendKeys({ press: 'ArrowDown' });
    await group.updateComplete;
    expect(group.value).to.equal('male');
    await expect(group).to.be.accessible();
  });

  it('takes <option> children and lays them side by side with inline', async () => {
    const group =
      await fixture<EgovRadioGroup>(html`<egov-radio-group label="Có con dưới 6 tuổi?" inline>
      <option value="yes">Có</option>
      <option value="no">Không</option>
    </egov-radio-group>`);
    const labels = group.shadowRoot?.querySelectorAll('[part="choice-label"]') ?? [];
    expect(Array.from(labels, (label) => label.textContent)).to.deep.equal(['Có', 'Không']);
    expect(group.shadowRoot?.querySelector('.choices.inline')).to.exist;
    await expect(group).to.be.accessible();
  });

  it('says "Chọn …" when required and empty', async () => {
    const group = await fixture<EgovRadioGroup>(
      html`<egov-radio-group label="Giới tính" required .options=${SEX}></egov-radio-group>`,
    );
    expect(group.validationMessage).to.equal('Chọn giới tính.');
  });
});
