/**
 * The signature pad before each mode's panel arrives, and when it cannot: a file of its own, so
 * that nothing on the page has fetched a panel yet (one page per test file). The test server
 * holds back or fails the panel's module (`module-gate`, web-test-runner.config.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/signature-pad/define.js';
import type { EgovSignaturePad } from '../src/signature-pad/signature-pad.js';
import { partText, until } from './helpers.js';

const gate = (match: string, mode: 'hold' | 'fail' | 'pass') =>
  executeServerCommand('module-gate', { match, mode });

const typed = JSON.stringify({
  mode: 'type',
  name: 'Nguyễn Văn An',
  signedAt: '2026-01-02T03:04:05.000Z',
});

/** The panel's room (before it arrives), or the chosen mode's panel. */
const shownPanel = (pad: EgovSignaturePad) =>
  pad.shadowRoot?.querySelector('.panel:not([hidden])') as HTMLElement;

describe('egov-signature-pad before its panels arrive', () => {
  afterEach(async () => {
    await gate('panels.lazy', 'pass');
    await gate('draw.lazy', 'pass');
  });

  it('is a whole form control while the typed-name panel is held back, in the room it will take', async () => {
    await gate('panels.lazy', 'hold');
    const form = await fixture<HTMLFormElement>(html`<form style="width: 600px">
      <egov-signature-pad name="sig" label="Chữ ký" mode="type" expected-name="Nguyễn Văn An" value=${typed} required></egov-signature-pad>
      <egov-signature-pad name="empty" label="Chữ ký khác" mode="declaration" required></egov-signature-pad>
    </form>`);
    const [pad, empty] = [...form.querySelectorAll('egov-signature-pad')] as [
      EgovSignaturePad,
      EgovSignaturePad,
    ];
    // Not `updateComplete`: it waits for the panel.
    await until(() => pad.hasUpdated && empty.hasUpdated);
    const root = pad.shadowRoot as ShadowRoot;
    expect(root.querySelector('#name'), 'no panel yet').to.equal(null);

    // The value, its validity and the form's data, from the first render.
    expect(pad.signature?.name).to.equal('Nguyễn Văn An');
    expect(new FormData(form).get('sig')).to.equal(typed);
    expect(pad.checkValidity()).to.equal(true);
    expect(empty.validity.valueMissing).to.equal(true);
    expect(empty.validationMessage, 'the control’s own words stand in').to.equal(
      'Nhập chữ ký khác.',
    );
    expect(form.checkValidity()).to.equal(false);

    // A set value the check refuses is refused before the panel's words arrive.
    pad.value = JSON.stringify({
      mode: 'type',
      name: 'Trần Văn B',
      signedAt: '2026-01-02T03:04:05.000Z',
    });
    await until(() => !pad.isUpdatePending);
    expect(pad.validity.patternMismatch).to.equal(true);
    expect(pad.validationMessage).to.equal('Nhập chữ ký.');
    pad.value = typed;

    // Label, hint, error and the mode choice, reached with the keyboard; the panel's room kept.
    expect(root.querySelector('legend')?.textContent).to.equal('Cách ký');
    empty.reportValidity();
    await until(() => partText(empty, 'error') !== null);
    expect(partText(empty, 'error')).to.contain('Nhập chữ ký khác.');
    expect(
      empty.shadowRoot?.activeElement?.getAttribute('value'),
      'focus on the chosen mode',
    ).to.equal('declaration');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => empty.mode === 'type');
    const room = shownPanel(pad).getBoundingClientRect().height;
    expect(shownPanel(pad).classList.contains('pending')).to.equal(true);
    await expect(pad).to.be.accessible();

    // The panel arrives: updateComplete waits for it; nothing below moves (within a pixel or two).
    let complete = false;
    const done = pad.updateComplete.then(() => {
      complete = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(complete, 'updateComplete waits for the held panel').to.equal(false);
    await gate('panels.lazy', 'pass');
    await done;
    const input = root.querySelector('#name') as HTMLInputElement;
    expect(input.value).to.equal('Nguyễn Văn An');
    expect(shownPanel(pad).getBoundingClientRect().height).to.be.closeTo(room, 2);
    expect(empty.validationMessage, 'the mode’s own words now').to.equal(
      'Chữ ký khác: gõ họ và tên đầy đủ của bạn.',
    );
    await expect(pad).to.be.accessible();
  });

  it('keeps the room of the box to draw in, and says so in Vietnamese and English when it cannot load, with a button to try again', async () => {
    await gate('draw.lazy', 'fail');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 600px"><egov-signature-pad label="Chữ ký" required></egov-signature-pad></div>`,
    );
    const pad = wrapper.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete; // resolves once the fetch has failed
    const root = pad.shadowRoot as ShadowRoot;
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('Không tải được phần này');
    expect(alert?.textContent).to.contain('chọn cách ký khác');
    // The box's room: 3 : 1 of the width, and its hint and buttons below.
    const room = shownPanel(pad);
    expect(room.classList.contains('pending')).to.equal(true);
    expect(room.getBoundingClientRect().height).to.be.greaterThan(600 / 3);
    // Still a form control: required and empty.
    expect(pad.validity.valueMissing).to.equal(true);
    await expect(pad).to.be.accessible();

    pad.lang = 'en';
    await pad.updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).to.contain(
      'This part could not be loaded',
    );
    const retry = root.querySelector('.retry') as HTMLButtonElement;
    expect(retry.textContent?.trim()).to.equal('Try again');

    // Another mode still works while the draw mode cannot load.
    (root.querySelector('input[value="type"]') as HTMLInputElement).click();
    await pad.updateComplete;
    expect(root.querySelector('[role="alert"]')).to.equal(null);
    expect(root.querySelector('#name')).to.not.equal(null);

    // Back to drawing: the failure again, and Try again fetches again. (Chromium keeps a failed
    // module fetch for the page's life, until it implements whatwg/html#10327: then this loads.)
    (root.querySelector('input[value="draw"]') as HTMLInputElement).click();
    await pad.updateComplete;
    await gate('draw.lazy', 'pass');
    const again = root.querySelector('.retry') as HTMLButtonElement;
    again.focus();
    again.click();
    await pad.updateComplete;
    await until(() => root.activeElement !== null);
    const drawn = root.querySelector('canvas') !== null;
    const failed = root.querySelector('[role="alert"]') !== null;
    expect(drawn !== failed, 'either the box or the failure, never neither').to.equal(true);
    expect(root.activeElement, 'the focus stays in the element').to.not.equal(null);
  });
});
