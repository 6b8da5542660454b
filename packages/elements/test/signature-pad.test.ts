import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/signature-pad/define.js';
import { type EgovSignaturePad, parseSignatureValue } from '../src/signature-pad/signature-pad.js';
import { runFormControlSuite } from './form-control-suite.js';
import { partText, until } from './helpers.js';

const typedValue = (name: string) =>
  JSON.stringify({ mode: 'type', name, signedAt: '2025-07-01T08:00:00.000Z' });

/** Switches to "Type your name" with a click and types, as a person would; '' empties it. */
async function typeName(pad: EgovSignaturePad, name: string) {
  const root = pad.shadowRoot as ShadowRoot;
  const radio = root.querySelector('input[value="type"]') as HTMLInputElement;
  if (!radio.checked) radio.click();
  await pad.updateComplete;
  const input = root.querySelector('#name') as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await pad.updateComplete;
}

// First in the file, so that nothing has fetched the draw mode yet (one page per test file).
describe('egov-signature-pad, first load', () => {
  const drawFetched = () =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes('draw.lazy'));

  it('types and declares without the draw mode; draw mode arrives before updateComplete', async () => {
    const typed = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" mode="type"></egov-signature-pad>`,
    );
    await typeName(typed, 'Nguyễn Văn An');
    expect(typed.signature?.name).to.equal('Nguyễn Văn An');
    expect(drawFetched(), 'draw mode fetched for a typed name').to.equal(false);

    // The draw mode held back by the test server: its room is kept, updateComplete waits.
    await executeServerCommand('module-gate', { match: 'draw.lazy', mode: 'hold' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 600px"><egov-signature-pad label="Chữ ký"></egov-signature-pad></div>`,
    );
    const drawn = wrapper.querySelector('egov-signature-pad') as EgovSignaturePad;
    const root = drawn.shadowRoot as ShadowRoot;
    let room = 0;
    let complete = false;
    try {
      await until(() => drawn.hasUpdated);
      room = (root.querySelector('.pending') as HTMLElement).getBoundingClientRect().height;
      void drawn.updateComplete.then(() => {
        complete = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(complete, 'updateComplete waits for the draw mode').to.equal(false);
    } finally {
      await executeServerCommand('module-gate', { match: 'draw.lazy', mode: 'pass' });
    }
    await drawn.updateComplete;
    expect(drawFetched(), 'draw mode fetched for the box').to.equal(true);
    const panel = canvasOf(drawn).closest('.panel') as HTMLElement;
    expect(panel.hidden).to.equal(false);
    expect(
      panel.getBoundingClientRect().height,
      'the box takes the room kept for it',
    ).to.be.closeTo(room, 1);
    expect(canvasOf(drawn).clientHeight, 'the box is styled').to.be.greaterThan(0);
    expect(partText(drawn, 'undo')).to.equal('Hoàn tác nét cuối');
    expect(root.querySelector('#draw-hint')?.textContent).to.contain('Gõ họ tên');
  });
});

runFormControlSuite<EgovSignaturePad>({
  tag: 'egov-signature-pad',
  // The suite's values are typed names; the form gets them inside the JSON value.
  render: ({ required, value, hint }) =>
    html`<egov-signature-pad name="field" label="Chữ ký của người khai" ?required=${required}
      value=${ifDefined(value ? typedValue(value) : undefined)} hint=${ifDefined(hint)}></egov-signature-pad>`,
  validValue: 'Nguyễn Văn An',
  fill: typeName,
  read: (pad) => pad.signature?.name ?? '',
  submitted: (data) => parseSignatureValue(String(data.get('field') ?? ''))?.name ?? '',
  state: typedValue,
  labelText: 'Chữ ký của người khai',
});

function canvasOf(pad: EgovSignaturePad): HTMLCanvasElement {
  return pad.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
}

/** Draws one stroke through the given points (fractions of the box) with pointer events. */
async function drawStroke(pad: EgovSignaturePad, points: readonly [number, number][]) {
  const canvas = canvasOf(pad);
  const rect = canvas.getBoundingClientRect();
  const at = ([x, y]: readonly [number, number], type: string, buttons: number) =>
    canvas.dispatchEvent(
      new PointerEvent(type, {
        clientX: rect.left + x * rect.width,
        clientY: rect.top + y * rect.height,
        buttons,
        button: 0,
        pointerId: 1,
        pointerType: 'pen',
        pressure: 0.5,
        isPrimary: true,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  const [first, ...rest] = points;
  if (!first) return;
  at(first, 'pointerdown', 1);
  for (const point of rest) at(point, 'pointermove', 1);
  at(points.at(-1) ?? first, 'pointerup', 0);
  await pad.updateComplete;
}

/** A wave across most of the box: plenty of ink. */
const wave = (y = 0.5): [number, number][] =>
  Array.from({ length: 24 }, (_, i) => [0.1 + i * 0.03, y + 0.2 * Math.sin(i / 2)]);

/** How many pixels of the bitmap carry ink. */
function inkPixels(canvas: HTMLCanvasElement): number {
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count += 1;
  return count;
}

const announcement = (pad: EgovSignaturePad) =>
  (pad.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '').trim();

describe('egov-signature-pad', () => {
  it('records a drawn signature as strokes and SVG, fires change and announces it', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-signature-pad name="sig" label="Chữ ký"></egov-signature-pad></form>`,
    );
    const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete;
    expect(inkPixels(canvasOf(pad))).to.equal(0);
    const changed = oneEvent(pad, 'change');
    await drawStroke(pad, wave());
    await changed;
    const value = parseSignatureValue(String(new FormData(form).get('sig')));
    expect(value?.mode).to.equal('draw');
    expect(value?.points).to.have.length(1);
    expect(value?.points?.[0]?.length).to.be.greaterThan(12);
    const [x, y] = value?.points?.[0]?.[0] ?? [];
    expect(x).to.be.closeTo(0.1, 0.01);
    expect(y).to.be.closeTo(0.5, 0.01);
    expect(value?.svg)
      .to.match(/^<svg[^>]*viewBox/)
      .and.contain('<path');
    expect(Date.parse(value?.signedAt ?? '')).to.be.closeTo(Date.now(), 5000);
    expect(inkPixels(canvasOf(pad))).to.be.greaterThan(100);
    expect(announcement(pad)).to.equal('Đã thêm nét ký. Chữ ký có 1 nét.');
    expect(pad.checkValidity()).to.equal(true);
    await expect(pad).to.be.accessible();
  });

  it('still draws after being moved to another place in the page', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký"></egov-signature-pad>`,
    );
    const elsewhere = document.createElement('div');
    pad.parentElement?.after(elsewhere);
    elsewhere.append(pad);
    await drawStroke(pad, wave());
    expect(pad.signature?.points).to.have.length(1);
    elsewhere.remove();
  });

  it('draws at the screen’s pixel density', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký"></egov-signature-pad>`,
    );
    const canvas = canvasOf(pad);
    expect(canvas.width).to.equal(Math.round(canvas.clientWidth * window.devicePixelRatio));
    expect(canvas.height).to.equal(Math.round(canvas.clientHeight * window.devicePixelRatio));
  });

  it('refuses a dot or a dash as a signature with its own message', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" lang="en"></egov-signature-pad>`,
    );
    await drawStroke(pad, [
      [0.5, 0.5],
      [0.52, 0.5],
      [0.54, 0.5],
    ]);
    expect(pad.value).to.not.equal('');
    expect(pad.validity.tooShort).to.equal(true);
    expect(pad.validationMessage).to.contain('The signature is too short');
    pad.reportValidity();
    await pad.updateComplete;
    expect(partText(pad, 'error')).to.contain('too short');
    await expect(pad).to.be.accessible();
    await drawStroke(pad, wave(0.4));
    expect(pad.checkValidity()).to.equal(true);
  });

  it('undoes the last stroke and clears, with real buttons, and says so', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký"></egov-signature-pad>`,
    );
    const root = pad.shadowRoot as ShadowRoot;
    const undo = root.querySelector('[part="undo"]') as HTMLButtonElement;
    const clear = root.querySelector('[part="clear"]') as HTMLButtonElement;
    expect(undo.tagName).to.equal('BUTTON');
    expect(undo.getAttribute('aria-disabled')).to.equal('true');
    await drawStroke(pad, wave(0.3));
    await drawStroke(pad, wave(0.6));
    expect(pad.signature?.points).to.have.length(2);
    const twoStrokes = inkPixels(canvasOf(pad));
    expect(undo.getAttribute('aria-disabled')).to.equal('false');

    undo.click();
    await pad.updateComplete;
    expect(pad.signature?.points).to.have.length(1);
    expect(inkPixels(canvasOf(pad)))
      .to.be.greaterThan(0)
      .and.lessThan(twoStrokes);
    expect(announcement(pad)).to.equal('Đã hoàn tác nét cuối. Còn 1 nét.');

    await drawStroke(pad, wave(0.6));
    clear.click();
    await pad.updateComplete;
    expect(pad.value).to.equal('');
    expect(inkPixels(canvasOf(pad))).to.equal(0);
    expect(announcement(pad)).to.equal('Đã xóa chữ ký. Ô ký trống.');
    expect(clear.getAttribute('aria-disabled')).to.equal('true');
  });

  it('keeps the strokes, scaled, when the box is resized (a phone turning)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 600px"><egov-signature-pad label="Chữ ký"></egov-signature-pad></div>`,
    );
    const pad = wrapper.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete;
    await drawStroke(pad, wave());
    const before = pad.value;
    const canvas = canvasOf(pad);
    const wide = canvas.width;
    wrapper.style.width = '300px';
    await until(() => canvas.width !== wide);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(canvas.width).to.equal(Math.round(canvas.clientWidth * window.devicePixelRatio));
    expect(inkPixels(canvas)).to.be.greaterThan(50);
    // The ink is where it was, relative to the box: the leftmost pixel near 10 % of the width.
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const row = Math.round(canvas.height / 2);
    const line = context.getImageData(0, row - 3, canvas.width, 6).data;
    let first = -1;
    for (let i = 3; i < line.length; i += 4) {
      if ((line[i] ?? 0) > 0) {
        first = ((i - 3) / 4) % canvas.width;
        break;
      }
    }
    expect(first / canvas.width).to.be.closeTo(0.1, 0.03);
    expect(pad.value).to.equal(before);
  });

  it('accepts a typed name that matches expected-name without diacritics, case or spaces', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" mode="type" expected-name="Nguyễn Văn Đạt"></egov-signature-pad>`,
    );
    await typeName(pad, 'nguyen  van dat');
    expect(pad.checkValidity()).to.equal(true);
    expect(pad.signature).to.include({ mode: 'type', name: 'nguyen van dat' });
    await typeName(pad, 'NguyễnVănĐạt');
    expect(pad.checkValidity()).to.equal(true);
  });

  it('says a typed name does not match, in Vietnamese and English', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" mode="type" expected-name="Nguyễn Văn Đạt"></egov-signature-pad>`,
    );
    await typeName(pad, 'Nguyễn Văn Đức');
    expect(pad.validity.patternMismatch).to.equal(true);
    expect(pad.validationMessage).to.equal(
      'Họ tên đã gõ không khớp với "Nguyễn Văn Đạt". Gõ đúng họ và tên của người ký.',
    );
    pad.lang = 'en';
    pad.requestUpdate();
    await pad.updateComplete;
    expect(pad.validationMessage).to.equal(
      'The name you typed does not match "Nguyễn Văn Đạt". Type the signer’s full name.',
    );
    pad.reportValidity();
    await pad.updateComplete;
    expect(partText(pad, 'error')).to.contain('does not match');
    expect(pad.shadowRoot?.querySelector('#name')?.getAttribute('aria-invalid')).to.equal('true');
    await expect(pad).to.be.accessible();
  });

  it('signs by declaration, with the default or the given text', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-signature-pad name="sig" label="Chữ ký" mode="declaration" expected-name="Trần Thị Bình" required></egov-signature-pad></form>`,
    );
    const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete;
    expect(pad.validationMessage).to.equal('Chữ ký: đánh dấu vào ô cam đoan.');
    const box = pad.shadowRoot?.querySelector('#declare') as HTMLInputElement;
    expect(partText(pad, 'declaration')).to.contain('Tôi xin cam đoan');
    await expect(pad).to.be.accessible();
    box.click();
    await pad.updateComplete;
    const value = parseSignatureValue(String(new FormData(form).get('sig')));
    expect(value).to.include({ mode: 'declaration', name: 'Trần Thị Bình' });
    expect(value?.declaration).to.contain('Tôi xin cam đoan');
    expect(form.checkValidity()).to.equal(true);

    pad.declaration = 'Tôi đồng ý với nội dung biên bản.';
    await pad.updateComplete;
    expect(partText(pad, 'declaration')).to.equal('Tôi đồng ý với nội dung biên bản.');
  });

  it('blocks form.checkValidity() when required and empty, in every mode', async () => {
    for (const mode of ['draw', 'type', 'declaration'] as const) {
      const form = await fixture<HTMLFormElement>(
        html`<form><egov-signature-pad name="sig" label="Chữ ký" mode=${mode} required></egov-signature-pad></form>`,
      );
      const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
      await pad.updateComplete;
      expect(form.checkValidity(), mode).to.equal(false);
      expect(pad.validity.valueMissing, mode).to.equal(true);
    }
  });

  it('goes back to empty on form reset, and restores a drawn value', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-signature-pad name="sig" label="Chữ ký"></egov-signature-pad></form>`,
    );
    const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete;
    await drawStroke(pad, wave());
    const drawn = pad.value;
    await typeName(pad, 'Lê Văn C');
    form.reset();
    await pad.updateComplete;
    expect(pad.value).to.equal('');
    expect(pad.mode).to.equal('draw');
    expect(inkPixels(canvasOf(pad))).to.equal(0);
    expect(new FormData(form).get('sig')).to.equal('');

    pad.formStateRestoreCallback(drawn, 'restore');
    await pad.updateComplete;
    expect(pad.value).to.equal(drawn);
    expect(pad.signature?.points).to.have.length(1);
    expect(inkPixels(canvasOf(pad))).to.be.greaterThan(100);
  });

  it('keeps each mode’s work when switching, and submits the chosen one', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký"></egov-signature-pad>`,
    );
    await drawStroke(pad, wave());
    await typeName(pad, 'Phạm D');
    expect(pad.signature?.mode).to.equal('type');
    (pad.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('input[value="draw"]')?.click();
    await pad.updateComplete;
    expect(pad.signature?.mode).to.equal('draw');
    expect(pad.signature?.points).to.have.length(1);
    expect(inkPixels(canvasOf(pad))).to.be.greaterThan(100);
  });

  it('keeps the name as typed, spaces and all, until a value comes from outside', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-signature-pad name="sig" label="Chữ ký" mode="type"></egov-signature-pad></form>`,
    );
    const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
    const input = () => pad.shadowRoot?.querySelector('#name') as HTMLInputElement;
    const choose = async (mode: string) => {
      pad.shadowRoot?.querySelector<HTMLInputElement>(`input[value="${mode}"]`)?.click();
      await pad.updateComplete;
    };
    await typeName(pad, ' Nguyễn  Văn An ');
    expect(pad.signature?.name).to.equal('Nguyễn Văn An');
    await choose('declaration');
    await choose('type');
    expect(input().value, 'as typed, after another mode').to.equal(' Nguyễn  Văn An ');
    expect(partText(pad, 'typed')).to.equal('Nguyễn Văn An');

    pad.value = typedValue('Trần Thị Bình');
    await pad.updateComplete;
    expect(input().value, 'a value set by a script').to.equal('Trần Thị Bình');
    form.reset();
    await pad.updateComplete;
    expect(input().value, 'after a reset').to.equal('');
    expect(partText(pad, 'typed')).to.equal('');
  });

  it('adopts each panel’s styles once, beside its own', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" style="width: 600px"></egov-signature-pad>`,
    );
    const root = pad.shadowRoot as ShadowRoot;
    const own = (pad.constructor as typeof EgovSignaturePad).elementStyles.length;
    for (const mode of ['type', 'draw', 'declaration', 'type', 'draw']) {
      root.querySelector<HTMLInputElement>(`input[value="${mode}"]`)?.click();
      await pad.updateComplete;
    }
    expect(root.adoptedStyleSheets).to.have.length(own + 2);
    // The draw panel's (the box's ratio), the typed-name panel's (the preview's size), and the
    // hidden panel hidden, which takes either.
    const canvas = canvasOf(pad);
    expect(canvas.clientWidth / canvas.clientHeight).to.be.closeTo(3, 0.1);
    const typed = root.querySelector('[part="typed"]') as HTMLElement;
    expect(getComputedStyle(typed).fontSize).to.equal('28px');
    expect(getComputedStyle(typed.closest('.panel') as HTMLElement).display).to.equal('none');
  });

  it('can be completed with the keyboard alone, by typing the name', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-signature-pad name="sig" label="Chữ ký" required></egov-signature-pad></form>`,
    );
    const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete;
    pad.focus();
    await sendKeys({ press: 'ArrowRight' });
    await pad.updateComplete;
    expect(pad.mode).to.equal('type');
    expect(announcement(pad)).to.equal('Đã chọn cách ký: Gõ họ tên.');
    await sendKeys({ press: 'Tab' });
    expect(pad.shadowRoot?.activeElement?.id).to.equal('name');
    await sendKeys({ type: 'Hoàng Văn E' });
    await pad.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(parseSignatureValue(String(new FormData(form).get('sig')))?.name).to.equal(
      'Hoàng Văn E',
    );
    await expect(pad).to.be.accessible();
  });

  it('can be completed with the keyboard alone, by declaring', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" required lang="en"></egov-signature-pad>`,
    );
    pad.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await pad.updateComplete;
    expect(pad.mode).to.equal('declaration');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await pad.updateComplete;
    expect(pad.signature?.mode).to.equal('declaration');
    expect(pad.signature?.declaration).to.contain('I declare');
    expect(pad.checkValidity()).to.equal(true);
  });

  it('focuses the chosen mode, not the drawing box, when a submit finds it empty', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><egov-signature-pad name="sig" label="Chữ ký" required></egov-signature-pad></form>`,
    );
    const pad = form.querySelector('egov-signature-pad') as EgovSignaturePad;
    await pad.updateComplete;
    form.requestSubmit();
    await pad.updateComplete;
    const focused = pad.shadowRoot?.activeElement as HTMLInputElement;
    expect(focused.value).to.equal('draw');
    expect(focused.getAttribute('aria-describedby')).to.contain('error');
    expect(partText(pad, 'error')).to.contain('ký vào ô');
    await expect(pad).to.be.accessible();
  });

  it('takes no ink and no changes when read-only or disabled', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<egov-signature-pad label="Chữ ký" readonly></egov-signature-pad>`,
    );
    await drawStroke(pad, wave());
    expect(pad.value).to.equal('');
    expect(inkPixels(canvasOf(pad))).to.equal(0);
    (pad.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('input[value="type"]')?.click();
    await pad.updateComplete;
    expect(pad.mode).to.equal('draw');
    await expect(pad).to.be.accessible();

    pad.readonly = false;
    pad.disabled = true;
    await pad.updateComplete;
    await drawStroke(pad, wave());
    expect(pad.value).to.equal('');
    // Disabled buttons say so once: no aria-disabled="false" beside `disabled` (issue #18).
    for (const part of ['undo', 'clear']) {
      const button = pad.shadowRoot?.querySelector(`[part="${part}"]`);
      expect(button?.hasAttribute('disabled')).to.equal(true);
      expect(button?.hasAttribute('aria-disabled')).to.equal(false);
    }
    await expect(pad).to.be.accessible();
  });

  it('speaks English under lang="en"', async () => {
    const pad = await fixture<EgovSignaturePad>(
      html`<div lang="en"><egov-signature-pad label="Signature" required></egov-signature-pad></div>`,
    ).then((div) => div.querySelector('egov-signature-pad') as EgovSignaturePad);
    await pad.updateComplete;
    const root = pad.shadowRoot as ShadowRoot;
    expect(root.querySelector('legend')?.textContent).to.equal('How to sign');
    expect(root.querySelector('canvas')?.getAttribute('aria-label')).to.contain('Signature box');
    expect(partText(pad, 'undo')).to.equal('Undo last stroke');
    expect(pad.validationMessage).to.equal(
      'Signature: sign in the box, or choose "Type your name" or "Declare".',
    );
    await drawStroke(pad, wave());
    expect(announcement(pad)).to.equal('Stroke added. The signature has 1 stroke.');
  });
});
