import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/checkbox-group/define.js';
import type { EgovCheckboxGroup } from '../src/checkbox-group/checkbox-group.js';
import { runFormControlSuite } from './form-control-suite.js';

const CHANNELS = [
  { value: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
  { value: 'sms', label: { vi: 'Tin nhắn', en: 'Text message' } },
  { value: 'post', label: { vi: 'Bưu điện', en: 'Post' } },
];

/** Ticks exactly the comma-separated values, by clicking as a person would. */
async function tickOnly(group: EgovCheckboxGroup, list: string) {
  const wanted = list.split(',').filter(Boolean);
  for (const box of Array.from(group.shadowRoot?.querySelectorAll('input') ?? [])) {
    if (box.checked !== wanted.includes(box.value)) box.click();
  }
  await group.updateComplete;
}

const formData = () => {
  const data = new FormData();
  data.append('field', 'email');
  data.append('field', 'post');
  return data;
};

runFormControlSuite<EgovCheckboxGroup>({
  tag: 'egov-checkbox-group',
  render: ({ required, value, hint }) =>
    html`<egov-checkbox-group name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)} .options=${CHANNELS}></egov-checkbox-group>`,
  validValue: 'email,post',
  initialValue: 'sms',
  fill: tickOnly,
  read: (group) => group.value.join(','),
  state: (value) => (value === 'email,post' ? formData() : value),
});

describe('egov-checkbox-group', () => {
  it('puts one entry per ticked choice in FormData, in the order of the choices', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <egov-checkbox-group name="notify" label="Nhận thông báo qua" .options=${CHANNELS}></egov-checkbox-group>
    </form>`);
    const group = form.querySelector('egov-checkbox-group') as EgovCheckboxGroup;
    await group.updateComplete;
    await tickOnly(group, 'post');
    await tickOnly(group, 'post,email');
    expect(group.value).to.deep.equal(['email', 'post']);
    expect(new FormData(form).getAll('notify')).to.deep.equal(['email', 'post']);
  });

  it('reads the initial ticks from the value attribute', async () => {
    const group = await fixture<EgovCheckboxGroup>(html`<egov-checkbox-group
      label="Nhận thông báo qua" value="sms, post" .options=${CHANNELS}></egov-checkbox-group>`);
    expect(group.value).to.deep.equal(['sms', 'post']);
    const ticked = Array.from(group.shadowRoot?.querySelectorAll('input') ?? []).filter(
      (box) => box.checked,
    );
    expect(ticked.map((box) => box.value)).to.deep.equal(['sms', 'post']);
  });

  it('is ticked with Tab and Space', async () => {
    const group = await fixture<EgovCheckboxGroup>(
      html`<egov-checkbox-group label="Nhận thông báo qua" .options=${CHANNELS}></egov-checkbox-group>`,
    );
    group.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await group.updateComplete;
    expect(group.value).to.deep.equal(['email', 'post']);
  });

  it('asks for at least one when required', async () => {
    const group = await fixture<EgovCheckboxGroup>(
      html`<egov-checkbox-group lang="en" label="Channels" required .options=${CHANNELS}></egov-checkbox-group>`,
    );
    expect(group.validationMessage).to.equal('Select channels.');
    await tickOnly(group, 'sms');
    expect(group.checkValidity()).to.equal(true);
  });

  it('cannot be changed when read-only', async () => {
    const group = await fixture<EgovCheckboxGroup>(html`<egov-checkbox-group
      label="Nhận thông báo qua" value="sms" readonly .options=${CHANNELS}></egov-checkbox-group>`);
    await tickOnly(group, 'email');
    expect(group.value).to.deep.equal(['sms']);
    await expect(group).to.be.accessible();
  });
});
