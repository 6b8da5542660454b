import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';

type Args = { lang: string };

const submit = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const form = canvasElement.querySelector('form') as HTMLFormElement;
  await customElements.whenDefined('egov-error-summary');
  form.requestSubmit();
};

const meta: Meta<Args> = {
  title: 'Forms/Error summary',
  component: 'egov-error-summary',
  args: { lang: 'vi' },
  render: ({ lang }) => html`
    <div lang=${lang}>
      <egov-error-summary for="application"></egov-error-summary>
      <form id="application" @submit=${(event: Event) => event.preventDefault()}>
        <egov-text-field id="fullName" name="fullName" label=${lang === 'en' ? 'Full name' : 'Họ và tên'} required></egov-text-field>
        <egov-citizen-id-field id="citizenId" name="citizenId" label=${lang === 'en' ? 'Citizen ID' : 'Số định danh cá nhân'} value="12345"></egov-citizen-id-field>
        <egov-date-field id="dateOfBirth" name="dateOfBirth" label=${lang === 'en' ? 'Date of birth' : 'Ngày sinh'} required></egov-date-field>
        <egov-checkbox id="declaration" name="declaration" label=${lang === 'en' ? 'I declare this is true' : 'Tôi cam đoan khai đúng sự thật'} required></egov-checkbox>
        <button type="submit">${lang === 'en' ? 'Submit' : 'Gửi'}</button>
      </form>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** Nothing shows until a submit fails. */
export const BeforeSubmit: Story = {};

/** After a failed submit: every error, each a link to its field; the summary has the focus. */
export const AfterFailedSubmit: Story = { play: submit };

export const English: Story = { args: { lang: 'en' }, play: submit };
