import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { ChoiceOption, EgovSelect } from '@egov-kit/elements';

type Args = Pick<
  EgovSelect,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultValue'
> & { lang: string };

const ETHNICITIES: ChoiceOption[] = [
  { value: 'kinh', label: { vi: 'Kinh', en: 'Kinh' } },
  { value: 'tay', label: { vi: 'Tày', en: 'Tay' } },
  { value: 'thai', label: { vi: 'Thái', en: 'Thai' } },
  { value: 'hoa', label: { vi: 'Hoa', en: 'Hoa (Chinese)' } },
  { value: 'other', label: { vi: 'Dân tộc khác', en: 'Another ethnic group' } },
];

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-select') as EgovSelect;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Select',
  component: 'egov-select',
  args: {
    label: 'Dân tộc',
    hint: 'Như trên giấy khai sinh',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultValue: '',
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-select
        name="ethnicity"
        label=${args.label}
        hint=${args.hint}
        value=${ifDefined(args.defaultValue || undefined)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
        .options=${ETHNICITIES}
      ></egov-select>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { defaultValue: 'tay' } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

export const Disabled: Story = { args: { disabled: true, defaultValue: 'tay' } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: 'tay' } };

export const English: Story = {
  args: { lang: 'en', label: 'Ethnicity', hint: 'As on the birth certificate', required: true },
  play: reveal,
};

/** Choices as `<option>` children, for a page without a script of its own. */
export const OptionChildren: Story = {
  render: () => html`
    <egov-select name="province" label="Tỉnh, thành phố" value="48">
      <option value="01">Thành phố Hà Nội</option>
      <option value="48">Thành phố Đà Nẵng</option>
      <option value="79">Thành phố Hồ Chí Minh</option>
    </egov-select>
  `,
};
