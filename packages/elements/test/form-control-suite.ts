import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { FormControl } from '../src/internal/form-control.js';

/** How the shared suite drives one kind of control. */
export interface FormControlSuiteOptions<T extends FormControl> {
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
  /** Changes the value the way a person would, firing the control's own input events. */
  readonly fill: (control: T, value: string) => Promise<void>;
}

/**
 * The behaviour every form-associated egov control must share with native controls (the
 * Material Web / Shoelace pattern): value in FormData and native submit, reset, state,
 * `required`, disabled fieldsets, validity API, labels, and axe in every state.
 */
export function runFormControlSuite<T extends FormControl>(options: FormControlSuiteOptions<T>) {
  const { tag, render, validValue, fill } = options;

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
      expect(new FormData(form).get('field')).to.equal(validValue);
    });

    it('submits its value with a native form submit', async () => {
      const { form, control } = await inForm();
      await fill(control, validValue);
      const submitted = new Promise<FormData>((resolve) => {
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          resolve(new FormData(form, (event as SubmitEvent).submitter));
        });
      });
      form.requestSubmit();
      expect((await submitted).get('field')).to.equal(validValue);
    });

    it('returns to its default value on form reset and hides errors', async () => {
      const { form, control } = await inForm({ value: 'ban đầu', required: true });
      await fill(control, '');
      control.reportValidity();
      await control.updateComplete;
      expect(control.shadowRoot?.querySelector('[part="error"]')).to.exist;
      form.reset();
      await control.updateComplete;
      expect(control.value).to.equal('ban đầu');
      expect(new FormData(form).get('field')).to.equal('ban đầu');
      expect(control.shadowRoot?.querySelector('[part="error"]')).to.not.exist;
    });

    it('restores saved state (back/forward navigation)', async () => {
      const { control } = await inForm();
      control.formStateRestoreCallback(validValue);
      await control.updateComplete;
      expect(control.value).to.equal(validValue);
    });

    it('is valueMissing when required and empty, valid once filled', async () => {
      const { form, control } = await inForm({ required: true });
      expect(control.checkValidity()).to.equal(false);
      expect(control.validity.valueMissing).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      expect(control.validationMessage).to.contain('họ và tên');
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
      expect(control.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain(
        'họ và tên',
      );
      expect(document.activeElement).to.equal(control);
    });

    it('shows no error before the person has tried to submit', async () => {
      const { control } = await inForm({ required: true });
      await fill(control, 'x');
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
      expect(new FormData(form).has('field')).to.equal(false);
      expect(control.willValidate).to.equal(false);
      expect(form.checkValidity()).to.equal(true);
    });

    it('takes no part in the form when disabled itself', async () => {
      const { form, control } = await inForm({ value: validValue });
      control.disabled = true;
      await control.updateComplete;
      expect(new FormData(form).has('field')).to.equal(false);
    });

    it('is named by its own label and by an external <label for>', async () => {
      const wrapper = await fixture(
        html`<div><label for="c">Nhãn ngoài</label>${render({})}</div>`,
      );
      const control = wrapper.querySelector(tag) as T;
      control.id = 'c';
      await control.updateComplete;
      expect(control.shadowRoot?.querySelector('label')?.textContent).to.contain('Họ và tên');
      (wrapper.querySelector('label') as HTMLLabelElement).click();
      expect(document.activeElement).to.equal(control);
    });

    it('shows a server-supplied error at once and clears it when the value changes', async () => {
      const { control } = await inForm({ value: validValue });
      control.error = 'Số này đã được dùng cho hồ sơ khác.';
      await control.updateComplete;
      expect(control.validity.customError).to.equal(true);
      expect(control.shadowRoot?.querySelector('[part="error"]')?.textContent).to.contain(
        'đã được dùng',
      );
      await fill(control, `${validValue}`);
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
      const ids = described.split(' ');
      expect(ids.map((id) => root.getElementById(id)?.getAttribute('part'))).to.have.members([
        'hint',
        'error',
      ]);
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
