import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovSignaturePad, SignatureMode } from '@egov-kit/elements';

type Args = Pick<
  EgovSignaturePad,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'expectedName' | 'declaration'
> & { lang: string; mode: SignatureMode; value?: string };

/** A drawn signature: a few loops across the box, as fractions of its size. */
function drawnValue(points = 40, spread = 0.8): string {
  const stroke = Array.from({ length: points }, (_, i) => [
    Math.round((0.08 + (i / points) * spread) * 10_000) / 10_000,
    Math.round((0.55 + 0.25 * Math.sin(i / 2.5)) * 10_000) / 10_000,
    i * 16,
  ]);
  return JSON.stringify({
    mode: 'draw',
    svg: '',
    points: [stroke],
    signedAt: '2025-07-01T08:00:00.000Z',
  });
}

const reveal = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const pad = canvasElement.querySelector('egov-signature-pad') as EgovSignaturePad;
  await pad.updateComplete;
  pad.reportValidity();
};

const meta: Meta<Args> = {
  title: 'Forms/Signature pad',
  component: 'egov-signature-pad',
  args: {
    lang: 'vi',
    label: 'Chữ ký của người yêu cầu',
    hint: 'Ký như trên giấy tờ tuỳ thân',
    mode: 'draw',
    required: false,
    disabled: false,
    readonly: false,
    expectedName: '',
    declaration: '',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    mode: { control: 'inline-radio', options: ['draw', 'type', 'declaration'] },
  },
  render: (args) => html`<form lang=${args.lang} style="max-width: 40rem">
    <egov-signature-pad
      name="signature"
      label=${args.label}
      hint=${args.hint}
      mode=${args.mode}
      expected-name=${args.expectedName}
      declaration=${args.declaration}
      value=${ifDefined(args.value)}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
    ></egov-signature-pad>
  </form>`,
};

export default meta;
type Story = StoryObj<Args>;

export const Draw: Story = {};
export const DrawEnglish: Story = {
  args: { lang: 'en', label: "Applicant's signature", hint: 'Sign as on your ID card' },
};
export const Drawn: Story = { args: { value: drawnValue() } };
/** A dash: too few points to count as a signature. */
export const TooLittleInk: Story = { args: { value: drawnValue(5, 0.05) }, play: reveal };
export const RequiredEmpty: Story = { args: { required: true }, play: reveal };
export const RequiredEmptyEnglish: Story = {
  args: { required: true, lang: 'en', label: 'Signature' },
  play: reveal,
};
export const TypeName: Story = { args: { mode: 'type', expectedName: 'Nguyễn Văn An' } };
export const TypedName: Story = {
  args: {
    expectedName: 'Nguyễn Văn An',
    value: JSON.stringify({
      mode: 'type',
      name: 'Nguyễn Văn An',
      signedAt: '2025-07-01T08:00:00.000Z',
    }),
  },
};
export const NameMismatch: Story = {
  args: {
    expectedName: 'Nguyễn Văn An',
    value: JSON.stringify({
      mode: 'type',
      name: 'Nguyễn Văn Anh',
      signedAt: '2025-07-01T08:00:00.000Z',
    }),
  },
  play: reveal,
};
export const NameMismatchEnglish: Story = {
  ...NameMismatch,
  args: { ...NameMismatch.args, lang: 'en' },
};
export const Declaration: Story = { args: { mode: 'declaration', required: true } };
export const DeclarationEnglish: Story = { args: { mode: 'declaration', lang: 'en' } };
export const CustomDeclaration: Story = {
  args: {
    mode: 'declaration',
    declaration: 'Tôi đã đọc và đồng ý với nội dung biên bản bàn giao.',
  },
};
export const Disabled: Story = { args: { disabled: true, value: drawnValue() } };
export const ReadOnly: Story = { args: { readonly: true, value: drawnValue() } };
