import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovTextarea } from '@egov-kit/elements';

type Args = Pick<
  EgovTextarea,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultValue' | 'maxlength'
> & { lang: string };

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-textarea') as EgovTextarea;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Textarea',
  component: 'egov-textarea',
  args: {
    label: 'Lý do đề nghị',
    hint: 'Nêu ngắn gọn lý do, ví dụ: mất giấy tờ, thay đổi nơi ở',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultValue: '',
    maxlength: 200,
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-textarea
        name="reason"
        label=${args.label}
        hint=${args.hint}
        value=${ifDefined(args.defaultValue || undefined)}
        maxlength=${ifDefined(args.maxlength)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
      ></egov-textarea>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

const FILLED = 'Tôi bị mất căn cước khi đi công tác ở Đà Nẵng ngày 12/3.';

export const Empty: Story = {};

export const Filled: Story = { args: { defaultValue: FILLED } };

/** After a failed submit: required and empty. */
export const ShowingError: Story = { args: { required: true }, play: reveal };

/** Over the limit: the count turns red and the field is invalid; nothing was cut. */
export const TooLong: Story = {
  args: { maxlength: 20, defaultValue: FILLED },
  play: reveal,
};

export const Disabled: Story = { args: { disabled: true, defaultValue: FILLED } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: FILLED } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'Reason for the request',
    hint: 'Say briefly why, for example: lost document, moved house',
    required: true,
  },
  play: reveal,
};
