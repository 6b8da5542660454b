import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovTextField } from '@egov-kit/elements';

type Args = Pick<
  EgovTextField,
  | 'label'
  | 'hint'
  | 'name'
  | 'type'
  | 'required'
  | 'disabled'
  | 'readonly'
  | 'error'
  | 'defaultValue'
>;

const meta: Meta<Args> = {
  title: 'Forms/Text field',
  component: 'egov-text-field',
  args: {
    label: 'Họ và tên',
    hint: 'Như trên căn cước',
    name: 'fullName',
    type: 'text',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultValue: '',
  },
  render: (args) => html`
    <egov-text-field
      label=${args.label}
      hint=${args.hint}
      name=${args.name}
      type=${args.type}
      value=${ifDefined(args.defaultValue || undefined)}
      error=${args.error}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
    ></egov-text-field>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

export const Filled: Story = { args: { defaultValue: 'Nguyễn Văn An' } };

export const Required: Story = { args: { required: true } };

/** After a failed submit: the message names the field and is tied to the input. */
export const ShowingError: Story = {
  args: { required: true },
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    field.reportValidity();
  },
};

/** A field error returned by the server, shown until the value changes. */
export const ServerError: Story = {
  args: {
    label: 'Email',
    type: 'email',
    hint: 'Để nhận thông báo về hồ sơ',
    defaultValue: 'an.nguyen@example.vn',
    error: 'Email này đã được dùng cho một tài khoản khác.',
  },
};

export const InvalidEmail: Story = {
  args: { label: 'Email', type: 'email', hint: '', defaultValue: 'an.nguyen@' },
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    field.reportValidity();
  },
};

/** `type="number"`: a numeric keyboard, checked as validateFormData checks numbers. */
export const NumberField: Story = {
  args: {
    label: 'Diện tích xây dựng (m²)',
    hint: 'Chỉ nhập chữ số, ví dụ 85.5',
    type: 'number',
    defaultValue: '1.200.000',
  },
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    field.reportValidity();
  },
};

export const English: Story = {
  args: { label: 'Full name', hint: 'As on your citizen ID', required: true },
  decorators: [(story) => html`<div lang="en">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('egov-text-field') as EgovTextField;
    await field.updateComplete;
    field.reportValidity();
  },
};

export const Disabled: Story = { args: { disabled: true, defaultValue: 'Nguyễn Văn An' } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: 'Nguyễn Văn An' } };

/** In a native form: the value goes into FormData; submit and reset behave as for an input. */
export const InAForm: Story = {
  render: () => html`
    <form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const output = form.querySelector('output');
        if (output) output.value = JSON.stringify(Object.fromEntries(new FormData(form)));
      }}
    >
      <egov-text-field name="fullName" label="Họ và tên" required></egov-text-field>
      <egov-text-field name="email" type="email" label="Email"></egov-text-field>
      <button type="submit">Gửi</button>
      <button type="reset">Nhập lại</button>
      <p><output aria-live="polite"></output></p>
    </form>
  `,
};
