import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { ChoiceOption, EgovCheckboxGroup } from '@egov-kit/elements';

type Args = Pick<
  EgovCheckboxGroup,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error'
> & { lang: string; ticked: string };

const CHANNELS: ChoiceOption[] = [
  { value: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
  { value: 'sms', label: { vi: 'Tin nhắn SMS', en: 'Text message' } },
  { value: 'vneid', label: { vi: 'Ứng dụng VNeID', en: 'The VNeID app' } },
  { value: 'zalo', label: { vi: 'Zalo', en: 'Zalo' } },
];

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-checkbox-group') as EgovCheckboxGroup;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Checkbox group',
  component: 'egov-checkbox-group',
  args: {
    label: 'Nhận thông báo về hồ sơ qua',
    hint: 'Chọn tất cả các cách phù hợp',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    ticked: '',
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-checkbox-group
        name="notify"
        label=${args.label}
        hint=${args.hint}
        value=${ifDefined(args.ticked || undefined)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
        .options=${CHANNELS}
      ></egov-checkbox-group>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { ticked: 'sms,vneid' } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

export const Disabled: Story = { args: { disabled: true, ticked: 'sms,vneid' } };

export const ReadOnly: Story = { args: { readonly: true, ticked: 'sms,vneid' } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'Send me news of the application by',
    hint: 'Select all that apply',
    required: true,
  },
  play: reveal,
};
