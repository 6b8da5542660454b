import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovCitizenIdField } from '@egov-kit/elements';

type Args = Pick<
  EgovCitizenIdField,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'defaultValue'
> & { lang: string };

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const field = canvasElement.querySelector('egov-citizen-id-field') as EgovCitizenIdField;
  await field.updateComplete;
  field.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Citizen ID field',
  component: 'egov-citizen-id-field',
  args: {
    label: 'Số định danh cá nhân',
    hint: '12 chữ số, in trên thẻ căn cước',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    defaultValue: '',
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-citizen-id-field
        name="citizenId"
        label=${args.label}
        hint=${args.hint}
        value=${ifDefined(args.defaultValue || undefined)}
        error=${args.error}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
      ></egov-citizen-id-field>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { args: { defaultValue: '001099012345' } };

export const ShowingError: Story = { args: { required: true }, play: reveal };

/** The schema's own message: the first three digits are no province of birth registration. */
export const WrongProvinceCode: Story = { args: { defaultValue: '999099012345' }, play: reveal };

export const Disabled: Story = { args: { disabled: true, defaultValue: '001099012345' } };

export const ReadOnly: Story = { args: { readonly: true, defaultValue: '001099012345' } };

export const English: Story = {
  args: {
    lang: 'en',
    label: 'Personal identification number',
    hint: '12 digits, printed on the citizen ID card',
    defaultValue: '0010990',
  },
  play: reveal,
};
