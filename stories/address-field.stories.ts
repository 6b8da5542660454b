import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovAddressField } from '@egov-kit/elements';

type Args = Pick<
  EgovAddressField,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'oldCode'
> & { lang: string; address: string };

const HAI_VAN = JSON.stringify({
  provinceCode: '48',
  communeCode: '20194',
  street: '12 Nguyễn Văn Cừ, tổ 5',
});

/** Waits for the lazily loaded units before asking the field to show its error. */
const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-address-field') as EgovAddressField;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Address field',
  component: 'egov-address-field',
  args: {
    label: 'Nơi thường trú',
    hint: 'Theo địa giới hành chính từ ngày 1/7/2025',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    oldCode: '',
    address: '',
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-address-field
        name="permanentAddress"
        label=${args.label}
        hint=${args.hint}
        value=${ifDefined(args.address || undefined)}
        old-code=${args.oldCode}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
      ></egov-address-field>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { address: HAI_VAN } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

/** An address code of before 2025 (Phường Phúc Xá, Hà Nội): the field proposes today's ward. */
export const OldAddressCode: Story = { args: { oldCode: '00001' } };

/** A commune split between several new ones: every candidate, and a word of caution. */
export const OldAddressSplit: Story = { args: { oldCode: '00007' } };

export const Disabled: Story = { args: { disabled: true, address: HAI_VAN } };

export const ReadOnly: Story = { args: { readonly: true, address: HAI_VAN } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'Permanent address',
    hint: 'On the administrative map in force from 1 July 2025',
    required: true,
  },
  play: reveal,
};
