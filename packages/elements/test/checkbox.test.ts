import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/checkbox/define.js';
import type { EgovCheckbox } from '../src/checkbox/checkbox.js';
import { runFormControlSuite } from './form-control-suite.js';

/** Ticks for a value, unticks for ''; a box already ticked is unticked and ticked again. */
async function tick(box: EgovCheckbox, value: string) {
  const input = box.shadowRoot?.querySelector('input') as HTMLInputElement;
  if (input.checked && value !== '') input.click();
  if (input.checked !== (value !== '')) input.click();
  await box.updateComplete;
}

runFormControlSuite<EgovCheckbox>({
  tag: 'egov-checkbox',
  // The suite's "value" is what the form gets: ticked with that value, or unticked for ''.
  render: ({ required, value, hint }) =>
    html`<egov-checkbox name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      ?checked=${value !== undefined} hint=${ifDefined(hint)}></egov-checkbox>`,
  validValue: 'on',
  initialValue: 'yes',
  fill: tick,
  read: (box) => (box.checked ? box.value : ''),
});

describe('egov-checkbox', () => {
  it('submits its value only when ticked, as a native checkbox', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-checkbox name="agree" value="yes" label="Tôi cam đoan"></egov-checkbox></form>`,
    );
    const box = form.querySelector('egov-checkbox') as EgovCheckbox;
    await box.updateComplete;
    expect(new FormData(form).has('agree')).to.equal(false);
    await tick(box, 'yes');
    expect(box.checked).to.equal(true);
    expect(new FormData(form).get('agree')).to.equal('yes');
  });

  it('asks to tick the box when required, in the schema’s words', async () => {
    const box = await fixture<EgovCheckbox>(
      html`<egov-checkbox lang="en" label="I declare the above is true" required></egov-checkbox>`,
    );
    expect(box.validity.valueMissing).to.equal(true);
    expect(box.validationMessage).to.equal('Tick "I declare the above is true".');
  });

  it('is ticked and unticked with Space', async () => {
    const box = await fixture<EgovCheckbox>(html`<egov-checkbox label="Đồng ý"></egov-checkbox>`);
    box.focus();
    await sendKeys({ press: 'Space' });
    await box.updateComplete;
    expect(box.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await box.updateComplete;
    expect(box.checked).to.equal(false);
  });

  it('keeps what the person ticked when the checked attribute changes later', async () => {
    const box = await fixture<EgovCheckbox>(html`<egov-checkbox label="Đồng ý"></egov-checkbox>`);
    await tick(box, 'on');
    box.removeAttribute('checked');
    box.setAttribute('checked', '');
    box.removeAttribute('checked');
    await box.updateComplete;
    expect(box.checked).to.equal(true);
  });

  it('restores an unticked state over a ticked default', async () => {
    const box = await fixture<EgovCheckbox>(
      html`<egov-checkbox label="Đồng ý" checked></egov-checkbox>`,
    );
    box.formStateRestoreCallback('', 'restore');
    await box.updateComplete;
    expect(box.checked).to.equal(false);
  });

  it('cannot be changed when read-only', async () => {
    const box = await fixture<EgovCheckbox>(
      html`<egov-checkbox label="Đồng ý" checked readonly></egov-checkbox>`,
    );
    ((box.shadowRoot as ShadowRoot).querySelector('input') as HTMLInputElement).click();
    await box.updateComplete;
    expect(box.checked).to.equal(true);
    await expect(box).to.be.accessible();
  });
});
