import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@egov-kit/elements/define';
import type { EgovFileUpload, Uploader } from '@egov-kit/elements';

type Args = Pick<
  EgovFileUpload,
  'label' | 'hint' | 'required' | 'disabled' | 'readonly' | 'error' | 'multiple' | 'accept'
> & { lang: string; ids: string; maxSize?: number; maxFiles?: number; upload: boolean };

/** A pretend server: 2 s per file in ten steps; a file named `loi…` fails. */
const slowUploader: Uploader = (file, { onProgress, signal }) =>
  new Promise((resolve, reject) => {
    let step = 0;
    const timer = setInterval(() => {
      step += 1;
      onProgress(step / 10);
      if (step === 10) {
        clearInterval(timer);
        if (file.name.startsWith('loi')) reject(new Error('503'));
        else resolve({ id: `att-${Math.random().toString(36).slice(2, 8)}` });
      }
    }, 200);
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      reject(signal.reason);
    });
  });

/** A small valid PDF of two pages and a PNG, made here so the story needs no fixture files. */
const PDF = [
  '%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n',
  '2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF',
].join('');

async function pngFile(name: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 96;
  canvas.height = 64;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = '#0b4f8a';
    context.fillRect(0, 0, 96, 64);
    context.fillStyle = '#fff';
    context.fillRect(12, 12, 30, 40);
  }
  const blob = await new Promise<Blob>((resolve) =>
    canvas.toBlob((result) => resolve(result ?? new Blob()), 'image/png'),
  );
  return new File([blob], name, { type: 'image/png' });
}

const chooseSome = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const upload = canvasElement.querySelector('egov-file-upload') as EgovFileUpload;
  await upload.updateComplete;
  await upload.addFiles([
    new File([PDF], 'to-khai-dang-ky.pdf', { type: 'application/pdf' }),
    await pngFile('anh-the-3x4.png'),
    new File(['GIF89a'], 'giay-khai-sinh.pdf', { type: 'application/pdf' }),
    new File(['x'], 'ghi-chu.docx'),
  ]);
};

const meta: Meta<Args> = {
  title: 'Forms/File upload',
  component: 'egov-file-upload',
  args: {
    label: 'Giấy tờ kèm theo',
    hint: 'Bản chụp hoặc bản quét rõ nét, đủ các trang',
    required: false,
    disabled: false,
    readonly: false,
    error: '',
    multiple: true,
    accept: '.pdf,.jpg,.jpeg,.png',
    maxSize: 5 * 1024 * 1024,
    maxFiles: 5,
    ids: '',
    upload: false,
    lang: 'vi',
  },
  render: (args) => html`
    <div lang=${args.lang}>
      <egov-file-upload
        name="attachments"
        label=${args.label}
        hint=${args.hint}
        accept=${args.accept}
        value=${ifDefined(args.ids || undefined)}
        max-size=${ifDefined(args.maxSize)}
        max-files=${ifDefined(args.maxFiles)}
        error=${args.error}
        ?multiple=${args.multiple}
        ?required=${args.required}
        ?disabled=${args.disabled}
        ?readonly=${args.readonly}
        .uploader=${args.upload ? slowUploader : undefined}
      ></egov-file-upload>
    </div>
  `,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

/** Two files accepted (a thumbnail, a page count) and two refused, each saying why. */
export const Filled: Story = { play: chooseSome };

/** Files uploaded earlier, given back by id. */
export const UploadedEarlier: Story = { args: { ids: 'att-2025-0001,att-2025-0002' } };

/** With an uploader: progress bars with Cancel; a file named "loi…" fails and offers Retry. */
export const Uploading: Story = {
  args: { upload: true },
  play: async ({ canvasElement }) => {
    const upload = canvasElement.querySelector('egov-file-upload') as EgovFileUpload;
    await upload.updateComplete;
    await upload.addFiles([
      new File([PDF], 'to-khai-dang-ky.pdf', { type: 'application/pdf' }),
      new File([PDF], 'loi-mang.pdf', { type: 'application/pdf' }),
    ]);
  },
};

export const ShowingError: Story = {
  args: { required: true },
  play: async ({ canvasElement }) => {
    const upload = canvasElement.querySelector('egov-file-upload') as EgovFileUpload;
    await upload.updateComplete;
    upload.reportValidity();
  },
};

export const Disabled: Story = { args: { disabled: true, ids: 'att-2025-0001' } };

export const ReadOnly: Story = { args: { readonly: true, ids: 'att-2025-0001' } };

export const English: Story = {
  args: { lang: 'en', label: 'Supporting documents', hint: 'Clear photos or scans of every page' },
  play: chooseSome,
};
