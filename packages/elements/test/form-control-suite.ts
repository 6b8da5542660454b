import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { FormControl } from '../src/internal/form-control.js';

type AnyControl = FormControl<any>;

/**
 * How the shared suite drives one kind of control. Values are written as strings throughout —
 * as the `value` attribute takes them — and each option below says how a control whose value is
 * not one string (a list, a file, an address) reads and writes them.
 */
export interface FormControlSuiteOptions<T extends AnyControl> {
  /** The tag, e.g. `egov-text-field`. */
  readonly tag: string;
  /** Renders the control with `name="field"`, `label="Họ và tên"` and the given extra attributes. */
  readonly render: (attributes: {
    required?: boolean;
    value?: string;
    hint?: string;
  }) => TemplateResult;
  /** A value the control accepts. */
  readonly validValue: string;
  /** Another value the control accepts, rendered as the initial value of the reset test. */
  readonly initialValue?: string;
  /** Changes the value the way a person would, firing the control's own input events; `''` empties it. */
  readonly fill: (control: T, value: string) => Promise<void>;
  /** The control's current value, written as a string; `String(control.value)` by default. */
  readonly read?: (control: T) => string;
  /** The form's entries for the control, written as a string; a File reads as its name. */
  readonly submitted?: (data: FormData) => string;
  /** The state the browser would keep for a value, to restore it; the value itself by default. */
  readonly state?: (value: string) => string | File | FormData;
  /** The label text the control's label part shows (`Họ và tên` unless the render says otherwise). */
  readonly labelText?: string;
}

const entryText = (entry: FormDataEntryValue) => (typeof entry === 'string' ? entry : entry.name);

/**
 * The behaviour every form-associated egov control must share with native controls (the
 * Material Web / Shoelace pattern): value in FormData and native submit, reset, state,
 * `required`, disabled fieldsets, validity API, labels, and axe in every state.
 */
export function runFormControlSuite<T extends AnyControl>(options: FormControlSuiteOptions<T>) {
  const { tag, render, validValue, fill } = options;
  const initialValue = options.initialValue ?? 'ban đầu';
  const read = options.read ?? ((control: T) => String(control.value));
  const submitted =
    options.submitted ?? ((data: FormData) => data.getAll('field').map(entryText).join(','));
  const state = options.state ?? ((value: string) => value);
  const labelText = options.labelText ?? 'Họ và tên';

  async function inForm(attributes: Parameters<typeof render>[0] = {}) {
    const form = await fixture<HTMLFormElement>(html`<form>${render(attributes)}</form>`);
    const control = form.querySelector(tag) as T;
    await control.updateComplete;
    return { form, control };
  }

  describe(`${tag}: form control contract`, () => {
    it('is form-associated and reports its form', async () => {
      const { form, control } = await inForm();
      expect((control.constructor as typeof FormControl).formAssociated).to.equal(true);
      expect(control.form).to.equal(form);
      expect(Array.from(form.elements)).to.include(control);
    });

    it('puts its value in FormData under its name', async () => {
      const { form, control } = await inForm();
      await fill(control, validValue);
      expect(submitted(new FormData(form))).to.equal(validValue);
    });

    it('submits its value with a native form submit', async () => {
      const { form, control } = await inForm();
      await fill(control, validValue);
      const sent = new Promise<FormData>((resolve) => {
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          resolve(new FormData(form, (event as SubmitEvent).submitter));
        });
      });
      form.requestSubmit();
      expect(submitted(await sent)).to.equal(validValue);
    });

    it('returns to its default value on form reset and hides errors', async () => {
      const { form, control } = await inForm({ value: initialValue, required: true });
      await fill(control, '');
      control.reportValidity();
      await control.updateComplete;
      expect(control.shadowRoot?.querySelector('[part="error"]')).to.exist;
      form.reset();
      await control.updateComplete;
      expect(read(control)).to.equal(initialValue);
      expect(submitted(new FormData(form))).to.equal(initialValue);
      expect(control.shadowRoot?.querySelector('[part="error"]')).to.not.exist;
    });

    it('restores saved state (back/forward navigation)', async () => {
      const { control } = await inForm();
      control.formStateRestoreCallback(state(validValue), 'restore');
      await control.updateComplete;
      expect(read(control)).to.equal(validValue);
    });

    it('is valueMissing when required and empty, valid once filled', async () => {
      const { form, control } = await inForm({ required: true });
      expect(control.checkValidity()).to.equal(false);
      expect(control.validity.valueMissing).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      expect(control.validationMessage.toLowerCase()).to.contain(labelText.toLowerCase());
      await fill(control, validValue);
      expect(control.checkValidity()).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
    });

    it('blocks a native submit while invalid, shows the error and focuses the control', async () => {
      const { form, control } = await inForm({ required: true });
      let submitted = false;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted = true;
      });
      form.requestSubmit();
      await control.updateComplete;
      expect(submitted).to.equal(false);
      expect(
        control.shadowRoot?.querySelector('[part="error"]')?.textContent?.toLowerCase(),
      ).to.contain(labelText.toLowerCase());
      expect(document.activeElement).to.equal(control);
    });

    it('shows no error before the person has tried to submit', async () => {
      const { control } = await inForm({ required: true });
      await fill(control, validValue);
      await fill(control, '');
      expect(control.shadowRoot?.querySelector('[part="error"]')).to.not.exist;
    });

    it('takes no part in the form inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><fieldset disabled>${render({ required: true, value: validValue })}</fieldset></form>`,
      );
      const control = form.querySelector(tag) as T;
      await control.updateComplete;
      expect(control.isDisabled).to.equal(true);
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      expect(control.willValidate).to.equal(false);
      expect(form.checkValidity()).to.equal(true);
    });

    it('takes no part in the form when disabled itself', async () => {
      const { form, control } = await inForm({ value: validValue });
      control.disabled = true;
      await control.updateComplete;
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });

    it('is named by its own label and by an external <label for>', async () => {
      const wrapper = await fixture(
        html`<div><label for="c">Nhãn ngoài</label>${render({})}</div>`,
      );
      const control = wrapper.querySelector(tag) as T;
      control.id = 'c';
      await control.updateComplete;
      expect(control.shadowRoot?.querySelector('[part~="label"]')?.textContent).to.contain(
        labelText,
      );
      (wrapper.querySelector('label') as HTMLLabelElement).click();
      expect(document.activeElement).to.equal(control);
    });

    it('shows a server-supplied error at once and clears it when the value changes', async () => {
      const { control } = await inForm({ value: initialValue });
      control.error = 'Số này đã được dùng cho hồ sơ khác.';
      await control.updateComplete;
      expect(control.validity.customError).to.equal(true);
      expect(control.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain(
        'đã được dùng',
      );
      await fill(control, validValue);
      expect(control.error).to.equal('');
      expect(control.checkValidity()).to.equal(true);
    });

    it('ties hint and error to the input with aria-describedby', async () => {
      const { control } = await inForm({ required: true, hint: 'Như trên giấy khai sinh' });
      control.reportValidity();
      await control.updateComplete;
      const root = control.shadowRoot as ShadowRoot;
      const described =
        root.querySelector('[aria-describedby]')?.getAttribute('aria-describedby') ?? '';
      // Every id names an element of the control; hint and error are among them (a control may
      // add its own, such as a character count).
      const parts = described.split(' ').map((id) => root.getElementById(id)?.getAttribute('part'));
      expect(parts).to.not.include(undefined);
      expect(parts).to.include.members(['hint', 'error']);
      expect(root.querySelector('[aria-invalid="true"]')).to.exist;
    });

    for (const [state, attributes, act] of [
      ['empty', {}, null],
      ['with a hint', { hint: 'Như trên giấy khai sinh' }, null],
      ['filled', { value: validValue }, null],
      ['showing an error', { required: true, hint: 'Gợi ý' }, (c: T) => c.reportValidity()],
      [
        'disabled',
        { value: validValue },
        (c: T) => {
          c.disabled = true;
        },
      ],
      [
        'read-only',
        { value: validValue },
        (c: T) => {
          c.readonly = true;
        },
      ],
    ] as const) {
      it(`passes axe when ${state}`, async () => {
        const { control } = await inForm(attributes);
        act?.(control);
        await control.updateComplete;
        await expect(control).to.be.accessible();
      });
    }
  });
}
