import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { EgovCheckbox } from '@egov-kit/elements';

type Args = Pick<
  EgovCheckbox,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultChecked'
> & { lang: string };

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-checkbox') as EgovCheckbox;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Checkbox',
  component: 'egov-checkbox',
  args: {
    label: 'Tôi xin cam đoan những nội dung khai trên là đúng sự thật',
    hint: 'Khai sai có thể bị xử lý theo quy định của pháp luật',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultChecked: false,
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-checkbox
        name="declaration"
        label=${args.label}
        hint=${args.hint}
        error=${args.error}
        ?checked=${args.defaultChecked}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
      ></egov-checkbox>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { defaultChecked: true } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

export const Disabled: Story = { args: { disabled: true, defaultChecked: true } };

export const ReadOnly: Story = { args: { readonly: true, defaultChecked: true } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'I declare that the information I have given is true',
    hint: 'A false declaration may be punished by law',
    required: true,
  },
  play: reveal,
};
