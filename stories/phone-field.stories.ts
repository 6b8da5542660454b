import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovPhoneField } from '@egov-kit/elements';

type Args = Pick<
  EgovPhoneField,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultValue' | 'kind'
> & { lang: string };

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-phone-field') as EgovPhoneField;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Phone field',
  component: 'egov-phone-field',
  args: {
    label: 'Số điện thoại',
    hint: 'Để nhận tin nhắn về hồ sơ',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultValue: '',
    kind: 'any',
    lang: 'vi',
  },
  argTypes: { kind: { control: 'inline-radio', options: ['any', 'mobile', 'landline'] } },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-phone-field
        name="phone"
        label=${args.label}
        hint=${args.hint}
        kind=${args.kind}
        value=${ifDefined(args.defaultValue || undefined)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
      ></egov-phone-field>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { defaultValue: '0912 345 678' } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

/** An 11-digit mobile number of before 2018: the message gives its new form. */
export const RenumberedPrefix: Story = { args: { defaultValue: '01694 123 456' }, play: reveal };

export const Disabled: Story = { args: { disabled: true, defaultValue: '0912345678' } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: '0912345678' } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'Mobile number',
    hint: 'For text messages about your application',
    kind: 'mobile',
    defaultValue: '024 3825 1234',
  },
  play: reveal,
};
