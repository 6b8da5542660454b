import type { FormDefinition } from '@egov-kit/schema';
import { militaryServiceFirstRegistrationForm } from '@egov-kit/schema/forms';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type {
  DossierFormClient,
  DossierSubmitDetail,
  EgovDossierForm,
  Uploader,
} from '@egov-kit/elements';
import type { Dossier } from '@egov-kit/schema';

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

// ---- With a client: the server draft's states, against a pretend API in the page.

const syncDefinition: FormDefinition = {
  id: 'story-sync',
  version: 1,
  title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  sections: [
    {
      id: 'child',
      title: { vi: 'Thông tin của trẻ', en: 'The child' },
      fields: [
        { name: 'childName', type: 'text', label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' } },
        { name: 'placeOfBirth', type: 'text', label: { vi: 'Nơi sinh', en: 'Place of birth' } },
      ],
    },
  ],
};

const networkError = () =>
  Object.assign(new Error('Không kết nối được máy chủ.'), { name: 'NetworkError' });

/**
 * A pretend API with ETags as the server has them. `offline`: every call fails as a dropped
 * connection does. `conflict`: the draft is changed "on another device" after it is created, so
 * the next save meets a 412 until the person chooses a version.
 */
function storyClient(mode: 'offline' | 'conflict'): DossierFormClient {
  let dossier: Dossier | undefined;
  const etag = () => (dossier ? `"${dossier.id}.${dossier.version}"` : undefined);
  const answer = async <T>(work: () => T): Promise<T> => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (mode === 'offline') throw networkError();
    return work();
  };
  const current = () => {
    if (!dossier) throw Object.assign(new Error('Not found'), { status: 404 });
    return dossier;
  };
  return {
    dossiers: {
      create: (draft) =>
        answer(() => {
          const now = new Date().toISOString();
          dossier ??= {
            id: 'b7f1c3e2-0000-4000-8000-000000000001',
            procedureCode: draft.procedureCode,
            caseCode: 'default',
            formId: 'story-sync',
            formVersion: 1,
            channel: 'online',
            formData: draft.formData ?? {},
            documents: [],
            status: 'draft',
            nationalStatusCode: null,
            createdAt: now,
            updatedAt: now,
            overdue: false,
            version: 1,
          };
          // Meanwhile, on the person's phone…
          const saved = dossier;
          setTimeout(() => {
            dossier = {
              ...saved,
              formData: { childName: 'Nguyễn Minh Khang', placeOfBirth: 'Bệnh viện Từ Dũ' },
              version: saved.version + 1,
            };
          }, 0);
          return structuredClone(saved);
        }),
      get: () => answer(() => structuredClone(current())),
      update: (_id, changes, options) =>
        answer(() => {
          const saved = current();
          if (options?.ifMatch !== etag()) {
            throw Object.assign(new Error('Changed elsewhere'), {
              name: 'ConflictError',
              status: 412,
            });
          }
          dossier = { ...saved, formData: changes.formData ?? {}, version: saved.version + 1 };
          return structuredClone(dossier);
        }),
      submit: () =>
        answer(() => {
          dossier = { ...current(), status: 'submitted', code: 'G01.240615.000123' };
          return structuredClone(dossier);
        }),
      etag,
    },
    attachments: { upload: () => answer(() => ({ id: 'att-1' })) },
  };
}

type SyncArgs = { lang: string; mode: 'offline' | 'conflict' };

const typeName = async (form: EgovDossierForm, name: string, text: string) => {
  const field = form.shadowRoot?.querySelector(`[name="${name}"]`);
  const input = field?.shadowRoot?.querySelector('input');
  if (!input) return;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await (field as EgovDossierForm).updateComplete;
};

/** Types an answer and saves; in `conflict`, a second save meets the change made elsewhere. */
const syncPlay = async ({
  canvasElement,
  args,
}: {
  canvasElement: HTMLElement;
  args: SyncArgs;
}) => {
  await customElements.whenDefined('egov-dossier-form');
  const form = canvasElement.querySelector('egov-dossier-form') as EgovDossierForm;
  const deadline = Date.now() + 5000;
  while (!form.shadowRoot?.querySelector('[name="childName"]') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await typeName(form, 'childName', 'Nguyễn Minh Khôi');
  await form.sync();
  if (args.mode === 'conflict') {
    await typeName(form, 'placeOfBirth', 'Bệnh viện Hùng Vương');
    await form.sync();
  }
};

const renderSync = (args: SyncArgs) => html`
  <div lang=${args.lang} style="max-width: 40rem">
    <egov-dossier-form
      .definition=${syncDefinition}
      .client=${storyClient(args.mode)}
      procedure-code="1.001193"
      no-draft
    ></egov-dossier-form>
  </div>
`;

/**
 * The draft was changed on another device since this page last saved it: the form stops
 * saving and asks which version to keep. Nothing is overwritten until the person chooses.
 */
export const Conflict: StoryObj<SyncArgs> = {
  args: { lang: 'vi', mode: 'conflict' },
  render: renderSync,
  play: syncPlay,
};

export const ConflictEnglish: StoryObj<SyncArgs> = {
  args: { lang: 'en', mode: 'conflict' },
  render: renderSync,
  play: syncPlay,
};

/**
 * No connection: the answers are kept on the device, a quiet status says they will be sent,
 * and typing goes on. (The form retries by itself; here the pretend API stays offline.)
 */
export const Offline: StoryObj<SyncArgs> = {
  args: { lang: 'vi', mode: 'offline' },
  render: renderSync,
  play: syncPlay,
};

export const OfflineEnglish: StoryObj<SyncArgs> = {
  args: { lang: 'en', mode: 'offline' },
  render: renderSync,
  play: syncPlay,
};
