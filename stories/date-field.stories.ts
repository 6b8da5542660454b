import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovDateField } from '@egov-kit/elements';

type Args = Pick<
  EgovDateField,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultValue' | 'min' | 'max'
> & { lang: string };

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-date-field') as EgovDateField;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Date field',
  component: 'egov-date-field',
  args: {
    label: 'Ngày sinh',
    hint: 'Ví dụ: 27 3 1990',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultValue: '',
    min: undefined,
    max: 'today',
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-date-field
        name="dateOfBirth"
        label=${args.label}
        hint=${args.hint}
        autocomplete="bday"
        value=${ifDefined(args.defaultValue || undefined)}
        min=${ifDefined(args.min)}
        max=${ifDefined(args.max)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
      ></egov-date-field>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { defaultValue: '1990-03-27' } };

/** After a failed submit: required and empty, all three parts marked. */
export const ShowingError: Story = { args: { required: true }, play: reveal };

/** A date that does not exist: 31 February. */
export const NotARealDate: Story = {
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('egov-date-field') as EgovDateField;
    await field.updateComplete;
    const parts = field.shadowRoot?.querySelectorAll('input') ?? [];
    ['31', '2', '2001'].forEach((value, index) => {
      const input = parts[index] as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    await field.updateComplete;
    field.reportValidity();
  },
};

export const Disabled: Story = { args: { disabled: true, defaultValue: '1990-03-27' } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: '1990-03-27' } };

export const English: Story = {
  args: { lang: 'en', label: 'Date of birth', hint: 'For example, 27 3 1990', required: true },
  play: reveal,
};
