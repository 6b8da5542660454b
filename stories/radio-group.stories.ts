import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { ChoiceOption, EgovRadioGroup } from '@egov-kit/elements';

type Args = Pick<
  EgovRadioGroup,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultValue' | 'inline'
> & { lang: string };

const CHANNELS: ChoiceOption[] = [
  { value: 'online', label: { vi: 'Nhận kết quả trực tuyến', en: 'Online' } },
  { value: 'post', label: { vi: 'Nhận qua bưu điện', en: 'By post' } },
  { value: 'in_person', label: { vi: 'Nhận trực tiếp tại bộ phận một cửa', en: 'In person' } },
];

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-radio-group') as EgovRadioGroup;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Radio group',
  component: 'egov-radio-group',
  args: {
    label: 'Hình thức nhận kết quả',
    hint: 'Phí gửi qua bưu điện do người nhận trả',
    required: false,
    disabled: false,
    readonly: false,
    inline: false,
    error: '',
    defaultValue: '',
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-radio-group
        name="delivery"
        label=${args.label}
        hint=${args.hint}
        value=${ifDefined(args.defaultValue || undefined)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
        ?inline=${args.inline}
        .options=${CHANNELS}
      ></egov-radio-group>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { defaultValue: 'post' } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

export const Disabled: Story = { args: { disabled: true, defaultValue: 'post' } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: 'post' } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'How do you want the result?',
    hint: 'You pay the postage',
    required: true,
  },
  play: reveal,
};

/** Two short choices side by side, written as `<option>` children. */
export const InlineYesNo: Story = {
  render: () => html`
    <egov-radio-group name="married" label="Đã kết hôn?" inline>
      <option value="yes">Có</option>
      <option value="no">Không</option>
    </egov-radio-group>
  `,
};
