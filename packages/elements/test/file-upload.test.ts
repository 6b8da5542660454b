import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/file-upload/define.js';
import type {
  EgovFileUpload,
  FileRejectedDetail,
  Uploader,
} from '../src/file-upload/file-upload.js';
import { runFormControlSuite } from './form-control-suite.js';
import { until } from './helpers.js';

const PDF_TWO_PAGES =
  '%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n' +
  '2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF';
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

const pdf = (name = 'to-khai.pdf', body = PDF_TWO_PAGES) =>
  new File([body], name, { type: 'application/pdf', lastModified: 1 });
const png = (name = 'anh-the.png') =>
  new File([PNG_BYTES], name, { type: 'image/png', lastModified: 1 });

/** Chooses files through the hidden native input, as the system picker would. */
async function choose(upload: EgovFileUpload, ...files: File[]) {
  const input = upload.shadowRoot?.querySelector('input[type="file"]') as HTMLInputElement;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  const before = upload.entries.length;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => upload.entries.length !== before || files.length === 0);
  await upload.updateComplete;
}

const removeButtons = (upload: EgovFileUpload) =>
  Array.from(upload.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.remove') ?? []);

async function removeAll(upload: EgovFileUpload) {
  for (const button of removeButtons(upload)) button.click();
  await until(() => upload.entries.length === 0);
  await upload.updateComplete;
}

const liveText = (upload: EgovFileUpload) =>
  upload.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';

runFormControlSuite<EgovFileUpload>({
  tag: 'egov-file-upload',
  render: ({ required, value, hint }) =>
    html`<egov-file-upload name="field" label="Họ và tên" ?required=${required} value=${ifDefined(value)}
      hint=${ifDefined(hint)}></egov-file-upload>`,
  validValue: 'giay-khai-sinh.pdf',
  initialValue: 'att-1',
  fill: async (upload, name) => {
    await removeAll(upload);
    if (name) await choose(upload, pdf(name));
  },
  read: (upload) =>
    upload.value.map((item) => (typeof item === 'string' ? item : item.name)).join(','),
  state: (name) => {
    const data = new FormData();
    data.append('field', pdf(name));
    return data;
  },
});

describe('egov-file-upload', () => {
  it('refuses a file whose content is not what its name says, and says which and why', async () => {
    const upload = await fixture<EgovFileUpload>(
      html`<egov-file-upload label="Giấy khai sinh" multiple></egov-file-upload>`,
    );
    const rejected: FileRejectedDetail[] = [];
    upload.addEventListener('egov-file-rejected', (event) => rejected.push(event.detail));
    await choose(upload, pdf('that-ra-la-anh.pdf', 'GIF89a…'), pdf());
    expect(rejected.map((detail) => [detail.file.name, detail.reason])).to.deep.equal([
      ['that-ra-la-anh.pdf', 'content'],
    ]);
    expect(upload.files.map((file) => file.name)).to.deep.equal(['to-khai.pdf']);
    const problem = upload.shadowRoot?.querySelector('.file.problem');
    expect(problem?.textContent).to.contain('that-ra-la-anh.pdf');
    expect(problem?.textContent).to.contain('Nội dung tệp không phải PDF');
    expect(liveText(upload)).to.contain('Đã chọn 1 tệp.');
    expect(liveText(upload)).to.contain('that-ra-la-anh.pdf: không nhận.');
    await expect(upload).to.be.accessible();
  });

  it('refuses types not accepted, files too large, empty, duplicates and one too many', async () => {
    const upload = await fixture<EgovFileUpload>(html`<egov-file-upload
      lang="en" label="Documents" multiple max-files="2" max-size="100"></egov-file-upload>`);
    const reasons: string[] = [];
    upload.addEventListener('egov-file-rejected', (event) =>
      reasons.push(`${event.detail.file.name}:${event.detail.reason}`),
    );
    await choose(
      upload,
      new File(['x'], 'notes.docx'),
      pdf('big.pdf', `%PDF-${'x'.repeat(200)}`),
      new File([], 'empty.png'),
      png(),
      png(),
      pdf('small.pdf', '%PDF-1.7'),
      pdf('third.pdf', '%PDF-1.7'),
    );
    expect(reasons).to.deep.equal([
      'notes.docx:type',
      'big.pdf:size',
      'empty.png:empty',
      'anh-the.png:duplicate',
      'third.pdf:count',
    ]);
    const text = upload.shadowRoot?.textContent ?? '';
    expect(text).to.contain('This type of file is not accepted. Choose a PDF, JPG or PNG file.');
    expect(text).to.contain('The file is larger than 100 B.');
    expect(text).to.contain('Up to 2 files can be uploaded; this one was not added.');
    expect(upload.files.map((file) => file.name)).to.deep.equal(['anh-the.png', 'small.pdf']);
  });

  it('shows a thumbnail for an image and the page count of a PDF', async () => {
    const upload = await fixture<EgovFileUpload>(
      html`<egov-file-upload label="Hồ sơ" multiple></egov-file-upload>`,
    );
    await choose(upload, png(), pdf());
    const thumbnail = upload.shadowRoot?.querySelector('[part="thumbnail"]') as HTMLImageElement;
    expect(thumbnail.src).to.match(/^blob:/);
    expect(thumbnail.alt).to.equal('');
    expect(upload.shadowRoot?.querySelectorAll('.file')[1]?.textContent).to.contain('2 trang');
  });

  it('accepts only one file without multiple, and says so for the next', async () => {
    const upload = await fixture<EgovFileUpload>(
      html`<egov-file-upload label="Ảnh"></egov-file-upload>`,
    );
    await choose(upload, png());
    await choose(upload, pdf());
    expect(upload.files.map((file) => file.name)).to.deep.equal(['anh-the.png']);
    expect(upload.entries.map((entry) => entry.reason)).to.deep.equal([undefined, 'count']);
  });

  it('takes dropped files', async () => {
    const upload = await fixture<EgovFileUpload>(
      html`<egov-file-upload label="Ảnh"></egov-file-upload>`,
    );
    const transfer = new DataTransfer();
    transfer.items.add(png());
    const zone = upload.shadowRoot?.querySelector('[part="dropzone"]') as HTMLElement;
    zone.dispatchEvent(
      new DragEvent('dragover', {
        bubbles: true,
        cancelable: true,
        dataTransfer: transfer,
        composed: true,
      }),
    );
    await upload.updateComplete;
    expect(upload.shadowRoot?.querySelector('.dragging')).to.exist;
    zone.dispatchEvent(
      new DragEvent('drop', {
        bubbles: true,
        cancelable: true,
        dataTransfer: transfer,
        composed: true,
      }),
    );
    await until(() => upload.files.length === 1);
  });

  it('opens the system picker from a real button', async () => {
    const upload = await fixture<EgovFileUpload>(
      html`<egov-file-upload label="Ảnh"></egov-file-upload>`,
    );
    const input = upload.shadowRoot?.querySelector('input[type="file"]') as HTMLInputElement;
    let opened = false;
    input.addEventListener('click', (event) => {
      event.preventDefault();
      opened = true;
    });
    const button = upload.shadowRoot?.querySelector('button') as HTMLButtonElement;
    expect(button.type).to.equal('button');
    button.click();
    expect(opened).to.equal(true);
  });

  it('removes a file, announces it and moves the focus to the next one', async () => {
    const upload = await fixture<EgovFileUpload>(
      html`<egov-file-upload label="Hồ sơ" multiple></egov-file-upload>`,
    );
    await choose(upload, pdf('a.pdf'), pdf('b.pdf'));
    removeButtons(upload)[0]?.click();
    await until(() => upload.entries.length === 1);
    await upload.updateComplete;
    expect(liveText(upload)).to.equal('Đã xóa tệp a.pdf.');
    expect(upload.shadowRoot?.activeElement).to.equal(removeButtons(upload)[0]);
    removeButtons(upload)[0]?.click();
    await until(() => upload.entries.length === 0);
    await upload.updateComplete;
    expect(upload.shadowRoot?.activeElement?.id).to.equal('button');
  });

  describe('with an uploader', () => {
    /** An uploader the test drives: each call waits until the test settles it. */
    function controlledUploader() {
      const calls: {
        file: File;
        progress: (fraction: number) => void;
        signal: AbortSignal;
        resolve: (id: string) => void;
        reject: (error: Error) => void;
      }[] = [];
      const uploader: Uploader = (file, { onProgress, signal }) =>
        new Promise((resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
          calls.push({
            file,
            progress: onProgress,
            signal,
            resolve: (id) => resolve({ id }),
            reject,
          });
        });
      return { uploader, calls };
    }

    it('shows progress, then submits the ids the server gave', async () => {
      const { uploader, calls } = controlledUploader();
      const form = await fixture<HTMLFormElement>(html`<form>
        <egov-file-upload name="docs" label="Hồ sơ" multiple .uploader=${uploader}></egov-file-upload>
      </form>`);
      const upload = form.querySelector('egov-file-upload') as EgovFileUpload;
      await choose(upload, pdf('a.pdf'), png());
      await until(() => calls.length === 2);
      expect(upload.validity.valid).to.equal(false);
      expect(upload.validationMessage).to.equal('Chờ tải lên xong hồ sơ.');
      calls[0]?.progress(0.42);
      await upload.updateComplete;
      const progress = upload.shadowRoot?.querySelector('progress') as HTMLProgressElement;
      expect(progress.value).to.be.closeTo(0.42, 0.001);
      expect(progress.getAttribute('aria-label')).to.equal('Đang tải lên a.pdf');
      await expect(upload).to.be.accessible();
      calls[0]?.resolve('att-a');
      calls[1]?.resolve('att-b');
      await until(() => upload.value.length === 2);
      expect(new FormData(form).getAll('docs')).to.deep.equal(['att-a', 'att-b']);
      expect(upload.checkValidity()).to.equal(true);
    });

    it('cancels an upload, keeps the file with the reason, and retries it', async () => {
      const { uploader, calls } = controlledUploader();
      const upload = await fixture<EgovFileUpload>(
        html`<egov-file-upload lang="en" label="Scan" .uploader=${uploader}></egov-file-upload>`,
      );
      await choose(upload, pdf());
      await until(() => calls.length === 1);
      await upload.updateComplete;
      const cancel = upload.shadowRoot?.querySelector('.actions button') as HTMLButtonElement;
      expect(cancel.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Cancel to-khai.pdf');
      cancel.click();
      await until(() => upload.entries[0]?.status === 'failed');
      await upload.updateComplete;
      expect(calls[0]?.signal.aborted).to.equal(true);
      expect(upload.shadowRoot?.querySelector('.reason')?.textContent).to.contain(
        'Upload cancelled.',
      );
      expect(upload.validationMessage).to.equal(
        'to-khai.pdf was not uploaded: retry or remove it.',
      );
      await expect(upload).to.be.accessible();
      const retry = Array.from(upload.shadowRoot?.querySelectorAll('button') ?? []).find((button) =>
        button.textContent?.includes('Retry'),
      );
      retry?.click();
      await until(() => calls.length === 2);
      calls[1]?.resolve('att-1');
      await until(() => upload.entries[0]?.status === 'uploaded');
      expect(upload.value).to.deep.equal(['att-1']);
    });

    it('keeps a failed upload in the list, says so, and fires egov-upload-error', async () => {
      const { uploader, calls } = controlledUploader();
      const upload = await fixture<EgovFileUpload>(
        html`<egov-file-upload label="Bản sao" .uploader=${uploader}></egov-file-upload>`,
      );
      let failures = 0;
      upload.addEventListener('egov-upload-error', () => {
        failures += 1;
      });
      await choose(upload, pdf());
      await until(() => calls.length === 1);
      calls[0]?.reject(new Error('503'));
      await until(() => upload.entries[0]?.status === 'failed');
      await upload.updateComplete;
      expect(failures).to.equal(1);
      expect(liveText(upload)).to.equal('to-khai.pdf: Tải lên không thành công.');
      expect(upload.files).to.have.length(1);
    });
  });
});
