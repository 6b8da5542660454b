import type { Client } from '@egov-kit/client';
import type { FormDefinition } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import '../src/dossier-form/define.js';
import type { DossierSubmittedDetail, EgovDossierForm } from '../src/dossier-form/dossier-form.js';
import { deleteDraft, draftKey, loadDraft } from '../src/dossier-form/drafts.js';
import type { DossierFormClient } from '../src/dossier-form/server-draft.js';
import type { EgovFileUpload } from '../src/file-upload/file-upload.js';
import type { FormControl } from '../src/internal/form-control.js';
import { FakeDossierServer } from './fake-dossier-server.js';
import { partText, typeInto, until } from './helpers.js';

// The real client fits the structural interface (checked by `tsc`, not at run time).
export const fits = (client: Client): DossierFormClient => client;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let formCount = 0;

function definition(): FormDefinition {
  formCount += 1;
  return {
    id: `sync-form-${formCount}`,
    version: 1,
    title: { vi: 'Tờ khai thử', en: 'Test application' },
    sections: [
      {
        id: 'applicant',
        title: { vi: 'Người nộp', en: 'Applicant' },
        fields: [
          {
            name: 'fullName',
            type: 'text',
            label: { vi: 'Họ và tên', en: 'Full name' },
            required: true,
          },
          { name: 'phone', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' } },
          {
            name: 'certificate',
            type: 'file',
            label: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
            documentCode: 'doc-1',
            maxFiles: 1,
          },
        ],
      },
    ],
  };
}

async function render(
  server: FakeDossierServer,
  options: { def?: FormDefinition; lang?: string; client?: DossierFormClient } = {},
) {
  const def = options.def ?? definition();
  const wrapper = await fixture(html`<div lang=${options.lang ?? 'vi'}>
    <egov-dossier-form .definition=${def} .client=${options.client ?? server.client()}
      procedure-code="1.001193"></egov-dossier-form>
  </div>`);
  const form = wrapper.querySelector('egov-dossier-form') as EgovDossierForm;
  await until(() => form.shadowRoot?.querySelector('egov-text-field') !== null);
  return { form, def };
}

const control = <T extends FormControl<unknown>>(form: EgovDossierForm, name: string) =>
  form.shadowRoot?.querySelector(`[name="${name}"]`) as unknown as T;
const button = (form: EgovDossierForm, part: string) =>
  form.shadowRoot?.querySelector(`[part="${part}"]`) as HTMLButtonElement;
const only = (server: FakeDossierServer) => {
  expect(server.dossiers.size).to.equal(1);
  return [...server.dossiers.values()][0] as NonNullable<ReturnType<typeof server.dossiers.get>>;
};

describe('egov-dossier-form with a client', () => {
  afterEach(async () => {
    await deleteDraft(draftKey(`sync-form-${formCount}`));
  });

  it('creates the server draft once under retries, then PATCHes with If-Match', async () => {
    const server = new FakeDossierServer();
    const { form } = await render(server);
    await typeInto(control(form, 'fullName'), 'input', 'Nguyễn Văn An');
    // The server creates the draft, but the answer is lost.
    server.fail('create', 'after');
    await form.sync();
    expect(partText(form, 'sync')).to.equal(
      'Đã lưu trên thiết bị này; sẽ đồng bộ lên hệ thống khi có kết nối.',
    );
    await form.sync();
    const creates = server.callsOf('create');
    expect(creates).to.have.length(2);
    expect(creates[1]?.key).to.equal(creates[0]?.key);
    const draft = only(server);
    expect(draft.formData).to.deep.equal({ fullName: 'Nguyễn Văn An' });
    expect(partText(form, 'sync')).to.equal('Bản nháp đã được lưu trên hệ thống.');

    await typeInto(control(form, 'phone'), 'input', '0912345678');
    await form.sync();
    const [update] = server.callsOf('update');
    expect(update?.id).to.equal(draft.id);
    expect(update?.ifMatch).to.equal(`"${draft.id}.1"`);
    expect(only(server).formData).to.deep.equal({
      fullName: 'Nguyễn Văn An',
      phone: '0912345678',
    });
    expect(only(server).version).to.equal(2);
  });

  it('waits for a pause in typing before saving to the server', async () => {
    const server = new FakeDossierServer();
    const { form } = await render(server);
    await typeInto(control(form, 'fullName'), 'input', 'Ng');
    await sleep(700);
    await typeInto(control(form, 'fullName'), 'input', 'Nguyễn');
    await sleep(700);
    expect(server.calls).to.have.length(0);
    await until(() => server.dossiers.size === 1, 2500);
    expect(only(server).formData.fullName).to.equal('Nguyễn');
    expect(server.callsOf('create')).to.have.length(1);
  });

  it('says it is offline without blocking the person, and syncs when back online', async () => {
    const server = new FakeDossierServer();
    const { form } = await render(server);
    server.offline = true;
    await typeInto(control(form, 'fullName'), 'input', 'Trần Thị Bình');
    await form.sync();
    expect(partText(form, 'sync')).to.contain('Đã lưu trên thiết bị này');
    expect(form.shadowRoot?.querySelector('[part="sync"]')?.getAttribute('role')).to.equal(
      'status',
    );
    // Typing goes on, and lands in the local draft.
    await typeInto(control(form, 'fullName'), 'input', 'Trần Thị Bình An');
    expect(control(form, 'fullName').value).to.equal('Trần Thị Bình An');
    await sleep(200);
    expect((await loadDraft(draftKey(`sync-form-${formCount}`)))?.server?.dirty).to.equal(true);
    await expect(form).to.be.accessible();

    server.offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => server.dossiers.size === 1);
    await until(() => partText(form, 'sync') === 'Bản nháp đã được lưu trên hệ thống.');
    expect(only(server).formData.fullName).to.equal('Trần Thị Bình An');
  });

  it('speaks English in the offline state', async () => {
    const server = new FakeDossierServer();
    const { form } = await render(server, { lang: 'en' });
    server.offline = true;
    await typeInto(control(form, 'fullName'), 'input', 'An');
    await form.sync();
    expect(partText(form, 'sync')).to.equal(
      'Saved on this device; it will be sent to the service when you are back online.',
    );
  });

  describe('when the draft was changed elsewhere', () => {
    async function conflicted(lang = 'vi') {
      const server = new FakeDossierServer();
      const { form } = await render(server, { lang });
      await typeInto(control(form, 'fullName'), 'input', 'Lê Văn Cường');
      await form.sync();
      const { id } = only(server);
      server.editElsewhere(id, { fullName: 'Lê Văn C. (máy khác)', phone: '0987654321' });
      await typeInto(control(form, 'fullName'), 'input', 'Lê Văn Cường Em');
      await form.sync();
      await form.updateComplete;
      return { server, form, id };
    }

    it('shows the conflict with both choices and overwrites nothing', async () => {
      const { server, form } = await conflicted();
      const panel = form.shadowRoot?.querySelector('[part="conflict"]');
      expect(panel).to.not.equal(null);
      expect(panel?.closest('[role="alert"]')).to.not.equal(null);
      expect(partText(form, 'conflict')).to.contain('Bản nháp này đã được sửa ở nơi khác');
      expect(button(form, 'use-saved').textContent?.trim()).to.equal(
        'Dùng bản đã lưu trên hệ thống',
      );
      expect(button(form, 'keep-mine').textContent?.trim()).to.equal('Giữ câu trả lời của tôi');
      expect(only(server).formData.fullName).to.equal('Lê Văn C. (máy khác)');
      // No further attempt is made behind the person's back.
      await typeInto(control(form, 'fullName'), 'input', 'Lê Văn Cường Em Út');
      await form.sync();
      expect(server.callsOf('update')).to.have.length(1);
      await expect(form).to.be.accessible();
    });

    it('is in English under lang="en"', async () => {
      const { form } = await conflicted('en');
      expect(partText(form, 'conflict')).to.contain('This draft was changed somewhere else');
      expect(button(form, 'use-saved').textContent?.trim()).to.equal('Use the saved version');
      expect(button(form, 'keep-mine').textContent?.trim()).to.equal('Keep my answers');
      await expect(form).to.be.accessible();
    });

    it('"use the saved version" loads the server’s answers', async () => {
      const { server, form } = await conflicted();
      button(form, 'use-saved').click();
      await until(() => control(form, 'fullName').value === 'Lê Văn C. (máy khác)');
      await form.updateComplete;
      expect(control(form, 'phone').value).to.equal('0987654321');
      expect(form.shadowRoot?.querySelector('[part="conflict"]')).to.equal(null);
      expect(partText(form, 'notice')).to.equal('Đã chuyển sang bản đã lưu trên hệ thống.');
      // Editing goes on against the version now shown.
      await typeInto(control(form, 'phone'), 'input', '0911111111');
      await form.sync();
      expect(only(server).formData).to.deep.equal({
        fullName: 'Lê Văn C. (máy khác)',
        phone: '0911111111',
      });
    });

    it('"keep my answers" overwrites on purpose, against the fresh ETag', async () => {
      const { server, form, id } = await conflicted();
      button(form, 'keep-mine').click();
      await until(() => only(server).formData.fullName === 'Lê Văn Cường Em');
      const last = server.callsOf('update').at(-1);
      expect(last?.ifMatch).to.equal(`"${id}.2"`);
      await until(() => form.shadowRoot?.querySelector('[part="conflict"]') === null);
      expect(partText(form, 'notice')).to.contain('Đã lưu câu trả lời của bạn lên hệ thống');
      expect(only(server).formData.phone).to.equal(undefined);
    });
  });

  it('keeps the new ETag when the person types while a save is out', async () => {
    const server = new FakeDossierServer();
    const { form } = await render(server);
    await typeInto(control(form, 'fullName'), 'input', 'Đỗ Văn Giang');
    await form.sync();
    await typeInto(control(form, 'phone'), 'input', '0912345678');
    const saving = form.sync();
    await sleep(1); // the update is on its way (the fake server answers after 5 ms)
    await typeInto(control(form, 'fullName'), 'input', 'Đỗ Văn Giang Hải');
    await saving;
    await form.sync();
    expect(form.shadowRoot?.querySelector('[part="conflict"]')).to.equal(null);
    const [first, second] = server.callsOf('update');
    expect(second?.ifMatch).to.not.equal(first?.ifMatch);
    expect(only(server).formData.fullName).to.equal('Đỗ Văn Giang Hải');
  });

  it('after a reload goes on with the same server draft', async () => {
    const server = new FakeDossierServer();
    const { form, def } = await render(server);
    await typeInto(control(form, 'fullName'), 'input', 'Phạm Thị Dung');
    await form.sync();
    const { id } = only(server);
    await sleep(200);

    // A new page: a new element and a new client, which has seen no ETag yet.
    const again = await render(server, { def });
    await until(() => control(again.form, 'fullName').value === 'Phạm Thị Dung');
    await typeInto(control(again.form, 'phone'), 'input', '0912345678');
    await again.form.sync();
    expect(server.callsOf('create')).to.have.length(1);
    const [update] = server.callsOf('update');
    expect(update?.id).to.equal(id);
    expect(update?.ifMatch).to.equal(`"${id}.1"`);
    expect(only(server).formData.phone).to.equal('0912345678');
  });

  it('uploads to the server draft, creating it first, and names the file in documents', async () => {
    const server = new FakeDossierServer();
    const { form } = await render(server);
    const upload = control<EgovFileUpload>(form, 'certificate');
    await upload.addFiles([
      new File(['%PDF-1.7\n%%EOF\n'], 'giay-chung-sinh.pdf', { type: 'application/pdf' }),
    ]);
    await until(() => upload.entries[0]?.status === 'uploaded');
    const { id } = only(server);
    const [call] = server.callsOf('upload');
    expect(call?.id).to.equal(id);
    expect(call?.body).to.equal('doc-1');
    await form.sync();
    const attachmentId = [...server.attachments.keys()][0];
    expect(only(server).documents).to.deep.equal([
      { requirementCode: 'doc-1', attachmentIds: [attachmentId] },
    ]);
    expect(only(server).formData.certificate).to.deep.equal([attachmentId]);
  });

  describe('submit', () => {
    async function filled() {
      const server = new FakeDossierServer();
      const { form, def } = await render(server);
      await typeInto(control(form, 'fullName'), 'input', 'Hoàng Văn Em');
      return { server, form, def };
    }

    const submitted = (form: EgovDossierForm) => {
      const events: DossierSubmittedDetail[] = [];
      form.addEventListener('egov-submitted', (event) => events.push(event.detail));
      return events;
    };

    it('flushes the answers, submits, shows the code and fires egov-submitted', async () => {
      const { server, form, def } = await filled();
      const events = submitted(form);
      let plain = false;
      form.addEventListener('egov-submit', () => {
        plain = true;
      });
      button(form, 'submit').click();
      await until(() => events.length === 1);
      expect(plain).to.equal(false);
      expect(events[0]?.dossier.status).to.equal('submitted');
      expect(events[0]?.dossier.formData).to.deep.equal({ fullName: 'Hoàng Văn Em' });
      expect(server.submittedCount()).to.equal(1);
      await until(
        () => partText(form, 'notice') !== null && form.shadowRoot?.activeElement !== null,
      );
      expect(partText(form, 'notice')).to.equal('Đã nộp hồ sơ. Mã hồ sơ của bạn: G01.001.');
      await sleep(200);
      expect(await loadDraft(draftKey(def.id))).to.equal(undefined);
      await expect(form).to.be.accessible();
    });

    it('submits once when the answer was lost: the retry finds it done', async () => {
      const { server, form } = await filled();
      const events = submitted(form);
      server.fail('submit', 'after');
      button(form, 'submit').click();
      await until(() => partText(form, 'problem') !== null);
      expect(partText(form, 'problem')).to.contain('Chưa gửi được hồ sơ vì mất kết nối');
      expect(server.submittedCount()).to.equal(1);
      expect(events).to.have.length(0);
      await expect(form).to.be.accessible();
      button(form, 'submit').click();
      await until(() => events.length === 1);
      expect(server.submittedCount()).to.equal(1);
      expect(server.dossiers.size).to.equal(1);
      expect(events[0]?.dossier.code).to.equal('G01.001');
    });

    it('repeats the same Idempotency-Key when the first submit never arrived', async () => {
      const { server, form, def } = await filled();
      const events = submitted(form);
      server.fail('submit', 'before');
      button(form, 'submit').click();
      await until(() => partText(form, 'problem') !== null);
      expect(server.submittedCount()).to.equal(0);
      // The key is in the local draft before the submit goes, so a reload would reuse it too.
      const kept = (await loadDraft(draftKey(def.id)))?.server?.submitKey;
      expect(kept).to.be.a('string');
      button(form, 'submit').click();
      await until(() => events.length === 1);
      const keys = server.callsOf('submit').map((call) => call.key);
      expect(keys).to.deep.equal([kept, kept]);
      expect(server.submittedCount()).to.equal(1);
    });

    it('puts the server’s field errors on the fields and keeps everything', async () => {
      const { server, form, def } = await filled();
      const events = submitted(form);
      server.submitCheck = () => [
        { path: 'formData.fullName', message: 'Họ tên không khớp với CSDL dân cư.' },
        { path: 'documents.doc-1', message: 'Đính kèm: Giấy chứng sinh' },
      ];
      button(form, 'submit').click();
      await until(() => partText(control(form, 'fullName'), 'error') !== null);
      expect(partText(control(form, 'fullName'), 'error')).to.contain('không khớp');
      await until(() => partText(control(form, 'certificate'), 'error') !== null);
      expect(partText(control(form, 'certificate'), 'error')).to.contain('Đính kèm');
      expect(events).to.have.length(0);
      expect(server.submittedCount()).to.equal(0);
      expect(control(form, 'fullName').value).to.equal('Hoàng Văn Em');
      expect(await loadDraft(draftKey(def.id))).to.not.equal(undefined);
      await expect(form).to.be.accessible();
    });

    it('refuses to submit over an unresolved conflict', async () => {
      const { server, form } = await filled();
      await form.sync();
      server.editElsewhere(only(server).id, { fullName: 'Người khác' });
      await typeInto(control(form, 'fullName'), 'input', 'Hoàng Văn Em Út');
      button(form, 'submit').click();
      await until(() => partText(form, 'problem') !== null);
      expect(partText(form, 'problem')).to.equal('Chọn bản nháp muốn giữ trước khi gửi hồ sơ.');
      expect(form.shadowRoot?.querySelector('[part="conflict"]')).to.not.equal(null);
      expect(server.submittedCount()).to.equal(0);
      expect(only(server).formData.fullName).to.equal('Người khác');
    });
  });
});
