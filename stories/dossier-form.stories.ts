import type { FormDefinition } from '@egov-kit/schema';
import { militaryServiceFirstRegistrationForm } from '@egov-kit/schema/forms';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { DossierSubmitDetail, EgovDossierForm, Uploader } from '@egov-kit/elements';

type Args = { lang: string; steps: boolean; noDraft: boolean; userKey: string };

/** A pretend upload: half a second, then an id. */
const uploader: Uploader = (_file, { onProgress }) =>
  new Promise((resolve) => {
    onProgress(0.5);
    setTimeout(() => resolve({ id: `att-${Date.now()}` }), 500);
  });

const show = (event: CustomEvent<DossierSubmitDetail>) => {
  const output = (event.target as HTMLElement).parentElement?.querySelector('output');
  if (output) output.textContent = JSON.stringify(event.detail.data, null, 2);
};

const renderForm = (definition: FormDefinition) => (args: Args) =>
  html`
  <div lang=${args.lang} style="max-width: 40rem">
    <h1 style="font-family: system-ui, sans-serif">${definition.title[args.lang === 'en' ? 'en' : 'vi']}</h1>
    <egov-dossier-form
      .definition=${definition}
      .uploader=${uploader}
      user-key=${args.userKey}
      ?steps=${args.steps}
      ?no-draft=${args.noDraft}
      @egov-submit=${show}
    ></egov-dossier-form>
    <pre><output aria-live="polite"></output></pre>
  </div>
`;

const meta: Meta<Args> = {
  title: 'Forms/Dossier form',
  component: 'egov-dossier-form',
  args: { lang: 'vi', steps: false, noDraft: true, userKey: '' },
  render: renderForm(militaryServiceFirstRegistrationForm),
};

export default meta;
type Story = StoryObj<Args>;

/** The authored form of procedure 1.013133 (first registration for military service), one page. */
export const OnePage: Story = {};

/** The same form in steps, with the step indicator. */
export const Steps: Story = { args: { steps: true } };

const submitEmpty = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const form = canvasElement.querySelector('egov-dossier-form') as EgovDossierForm;
  await customElements.whenDefined('egov-dossier-form');
  // The form renders once its draft lookup is over: wait for the button.
  const deadline = Date.now() + 5000;
  let button = form.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]');
  while (!button && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    button = form.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]');
  }
  button?.click();
};

/** A submit with nothing filled in: the summary lists every error, with the server's words. */
export const WithErrors: Story = { args: { steps: true }, play: submitEmpty };

export const English: Story = { args: { lang: 'en', steps: true }, play: submitEmpty };

/** Drafts on: type something, reload the page, and the draft comes back with a notice. */
export const WithDraft: Story = { args: { noDraft: false, userKey: 'storybook' } };

/** A field shown by a condition: answer "Có" and the number field appears; "Không" hides it. */
export const Conditions: Story = {
  render: renderForm({
    id: 'story-conditions',
    version: 1,
    title: { vi: 'Điều kiện hiển thị', en: 'Conditions' },
    sections: [
      {
        id: 'main',
        title: { vi: 'Thông tin', en: 'Details' },
        fields: [
          {
            name: 'hasChildren',
            type: 'radio',
            label: { vi: 'Có con dưới 6 tuổi?', en: 'Children under 6?' },
            required: true,
            options: [
              { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
              { value: 'no', label: { vi: 'Không', en: 'No' } },
            ],
          },
          {
            name: 'children',
            type: 'number',
            label: { vi: 'Số con dưới 6 tuổi', en: 'Number of children under 6' },
            required: true,
            min: 1,
            visibleWhen: { field: 'hasChildren', operator: 'equals', value: 'yes' },
          },
        ],
      },
    ],
  }),
};
