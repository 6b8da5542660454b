import type { FormDefinition } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/dossier-form/define.js';
import type { EgovCheckbox } from '../src/checkbox/checkbox.js';
import type { DossierSubmitDetail, EgovDossierForm } from '../src/dossier-form/dossier-form.js';
import { deleteDraft, draftKey, loadDraft } from '../src/dossier-form/drafts.js';
import type { EgovErrorSummary } from '../src/error-summary/error-summary.js';
import type { FormControl } from '../src/internal/form-control.js';
import { partText, typeInto, until } from './helpers.js';

let formCount = 0;

/** A small application with one of most kinds of field, a condition, and two sections. */
function definition(): FormDefinition {
  formCount += 1;
  return {
    id: `test-form-${formCount}`,
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
            maxLength: 20,
          },
          {
            name: 'phone',
            type: 'phone',
            label: { vi: 'Số điện thoại', en: 'Phone' },
            required: true,
          },
          {
            name: 'hasChildren',
            type: 'radio',
            label: { vi: 'Có con dưới 6 tuổi', en: 'Children under 6' },
            required: true,
            options: [
              { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
              { value: 'no', label: { vi: 'Không', en: 'No' } },
            ],
          },
          {
            name: 'children',
            type: 'number',
            label: { vi: 'Số con', en: 'Number of children' },
            required: true,
            min: 1,
            max: 20,
            visibleWhen: { field: 'hasChildren', operator: 'equals', value: 'yes' },
          },
        ],
      },
      {
        id: 'declaration',
        title: { vi: 'Cam đoan', en: 'Declaration' },
        fields: [
          {
            name: 'agree',
            type: 'checkbox',
            label: {
              vi: 'Tôi cam đoan những thông tin trên là đúng',
              en: 'I declare this is true',
            },
            required: true,
          },
        ],
      },
    ],
  };
}

async function render(options: { steps?: boolean; lang?: string; noDraft?: boolean } = {}) {
  const def = definition();
  const wrapper = await fixture(html`<div lang=${options.lang ?? 'vi'}>
    <egov-dossier-form .definition=${def} ?steps=${options.steps} ?no-draft=${options.noDraft}></egov-dossier-form>
  </div>`);
  const form = wrapper.querySelector('egov-dossier-form') as EgovDossierForm;
  await form.updateComplete;
  // The draft lookup is asynchronous: wait until the fields are there.
  await until(() => form.shadowRoot?.querySelector('egov-text-field') !== null);
  return { form, def };
}

const control = <T extends FormControl<unknown>>(form: EgovDossierForm, name: string) =>
  form.shadowRoot?.querySelector(`[name="${name}"]`) as unknown as T;

const submitButton = (form: EgovDossierForm) =>
  form.shadowRoot?.querySelector('[part="submit"]') as HTMLButtonElement;

async function chooseRadio(form: EgovDossierForm, name: string, value: string) {
  const group = control(form, name);
  (
    (group.shadowRoot as ShadowRoot).querySelector(`input[value="${value}"]`) as HTMLInputElement
  ).click();
  await group.updateComplete;
  await form.updateComplete;
}

async function tick(form: EgovDossierForm, name: string) {
  const box = control<EgovCheckbox>(form, name);
  ((box.shadowRoot as ShadowRoot).querySelector('input') as HTMLInputElement).click();
  await box.updateComplete;
}

async function fillValid(form: EgovDossierForm) {
  await typeInto(control(form, 'fullName'), 'input', '  Nguyễn Văn An ');
  await typeInto(control(form, 'phone'), 'input', '+84 912 345 678');
  await chooseRadio(form, 'hasChildren', 'yes');
  await typeInto(control(form, 'children'), 'input', '2');
}

function nextSubmit(form: EgovDossierForm) {
  return new Promise<DossierSubmitDetail>((resolve) => {
    form.addEventListener('egov-submit', (event) => resolve(event.detail), { once: true });
  });
}

const summaryOf = (form: EgovDossierForm) =>
  form.shadowRoot?.querySelector('egov-error-summary') as EgovErrorSummary;

const summaryLinks = (form: EgovDossierForm) =>
  Array.from(summaryOf(form).shadowRoot?.querySelectorAll('a') ?? [], (link) =>
    link.textContent?.trim(),
  );

describe('egov-dossier-form', () => {
  afterEach(async () => {
    await deleteDraft(draftKey(`test-form-${formCount}`));
  });

  it('renders each field with its element, label and section heading', async () => {
    const { form } = await render();
    const root = form.shadowRoot as ShadowRoot;
    expect(Array.from(root.querySelectorAll('h2'), (h) => h.textContent?.trim())).to.deep.equal([
      'Người nộp',
      'Cam đoan',
    ]);
    expect(control(form, 'fullName').localName).to.equal('egov-text-field');
    expect(control(form, 'phone').localName).to.equal('egov-phone-field');
    expect(control(form, 'hasChildren').localName).to.equal('egov-radio-group');
    expect(control(form, 'agree').localName).to.equal('egov-checkbox');
    expect(control(form, 'fullName').label).to.equal('Họ và tên');
    await expect(form).to.be.accessible();
  });

  it('speaks English under lang="en"', async () => {
    const { form } = await render({ lang: 'en' });
    expect(control(form, 'fullName').label).to.equal('Full name');
    expect(submitButton(form).textContent?.trim()).to.equal('Submit');
  });

  it('shows a field only while its condition holds, keeping the answer', async () => {
    const { form } = await render();
    expect(control(form, 'children')).to.equal(null);
    await chooseRadio(form, 'hasChildren', 'yes');
    expect(control(form, 'children')).to.not.equal(null);
    await typeInto(control(form, 'children'), 'input', '3');
    await chooseRadio(form, 'hasChildren', 'no');
    expect(control(form, 'children')).to.equal(null);
    await chooseRadio(form, 'hasChildren', 'yes');
    expect(control(form, 'children').value).to.equal('3');
  });

  it('on a failed submit shows the schema’s messages on the fields and focuses the summary', async () => {
    const { form } = await render();
    let submitted = false;
    form.addEventListener('egov-submit', () => {
      submitted = true;
    });
    await typeInto(control(form, 'fullName'), 'input', 'Một cái tên quá dài cho trường này');
    submitButton(form).click();
    await until(() => summaryLinks(form).length > 0);
    expect(submitted).to.equal(false);
    // validateFormData's wording, not the text field's own "Nhập tối đa 20 ký tự.".
    expect(summaryLinks(form)).to.deep.equal([
      'Họ và tên không được quá 20 ký tự.',
      'Nhập số điện thoại.',
      'Chọn có con dưới 6 tuổi.',
      'Đánh dấu ô "Tôi cam đoan những thông tin trên là đúng".',
    ]);
    expect(partText(control(form, 'phone'), 'error')).to.equal('Lỗi: Nhập số điện thoại.');
    expect(form.shadowRoot?.activeElement).to.equal(summaryOf(form));
    await expect(form).to.be.accessible();
  });

  it('after a failed submit, a burst of answers (autofill) leaves no stale message', async () => {
    // Autofill, or a fast script, gives every answer with no pause, or with the shortest ones.
    const gaps: Record<string, () => Promise<unknown> | undefined> = {
      none: () => undefined,
      microtask: () => Promise.resolve(),
      task: () => new Promise((resolve) => setTimeout(resolve)),
      frame: () => new Promise((resolve) => requestAnimationFrame(resolve)),
    };
    for (const [kind, gap] of Object.entries(gaps)) {
      const { form } = await render({ noDraft: true });
      submitButton(form).click();
      await until(() => summaryLinks(form).length === 4);
      const input = (name: string, selector = 'input') =>
        control(form, name).shadowRoot?.querySelector(selector) as HTMLInputElement;
      const type = (name: string, value: string) => {
        input(name).value = value;
        input(name).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      };
      type('fullName', 'Nguyễn Văn An');
      await gap();
      type('phone', '0912345678');
      await gap();
      input('hasChildren', 'input[value="no"]').click();
      await gap();
      input('agree').click();
      await until(() => summaryOf(form).hidden, 2000).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const name of ['fullName', 'phone', 'hasChildren', 'agree']) {
        await control(form, name).updateComplete;
        expect(partText(control(form, name), 'error'), `${kind}: ${name}`).to.equal(null);
      }
      const submitted = nextSubmit(form);
      submitButton(form).click();
      expect((await submitted).data, kind).to.include({
        fullName: 'Nguyễn Văn An',
        hasChildren: 'no',
      });
    }
  });

  it('reportValidity() shows every error and focuses the summary, submitting nothing', async () => {
    const { form } = await render();
    let submitted = false;
    form.addEventListener('egov-submit', () => {
      submitted = true;
    });
    expect(await form.reportValidity()).to.equal(false);
    expect(summaryLinks(form)).to.have.length(4);
    expect(form.shadowRoot?.activeElement).to.equal(summaryOf(form));
    const filled = (await render()).form;
    await fillValid(filled);
    await tick(filled, 'agree');
    expect(await filled.reportValidity()).to.equal(true);
    expect(summaryLinks(filled)).to.deep.equal([]);
    filled.addEventListener('egov-submit', () => {
      submitted = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(submitted).to.equal(false);
  });

  it('updates the errors as the person corrects the answers', async () => {
    const { form } = await render();
    submitButton(form).click();
    await until(() => summaryLinks(form).length > 0);
    await typeInto(control(form, 'phone'), 'input', '0912');
    await until(
      () => summaryLinks(form).length === 4 && !summaryLinks(form).includes('Nhập số điện thoại.'),
    );
    expect(summaryLinks(form)[1]).to.contain('Số di động có 10 chữ số');
    await typeInto(control(form, 'phone'), 'input', '0912345678');
    await until(() => summaryLinks(form).length === 3);
    expect(partText(control(form, 'phone'), 'error')).to.equal(null);
    // A newly shown required field is checked too.
    await chooseRadio(form, 'hasChildren', 'yes');
    await until(() => summaryLinks(form).includes('Nhập số con.'));
  });

  it('fires egov-submit with the data cleaned as the server would, hidden fields dropped', async () => {
    const { form } = await render();
    await fillValid(form);
    await chooseRadio(form, 'hasChildren', 'no');
    await tick(form, 'agree');
    const submitted = nextSubmit(form);
    submitButton(form).click();
    const detail = await submitted;
    expect(detail.formId).to.match(/^test-form-/);
    expect(detail.data).to.deep.equal({
      fullName: 'Nguyễn Văn An',
      phone: '0912345678',
      hasChildren: 'no',
      agree: true,
    });
  });

  it('submits with Enter from a text field, as a native form', async () => {
    const { form } = await render();
    await fillValid(form);
    await tick(form, 'agree');
    const submitted = nextSubmit(form);
    control(form, 'fullName').focus();
    await sendKeys({ press: 'Enter' });
    expect((await submitted).data.children).to.equal(2);
  });

  it('shows server field errors on their fields, and those of no field in the summary', async () => {
    const { form } = await render();
    await fillValid(form);
    form.serverErrors = [
      { path: 'formData.phone', message: 'Số điện thoại này đã được dùng cho hồ sơ khác.' },
      { path: 'applicant', message: 'Người nộp chưa xác thực tài khoản.' },
    ];
    await until(() => (summaryOf(form).items.length ?? 0) > 0);
    await form.updateComplete;
    expect(partText(control(form, 'phone'), 'error')).to.contain('đã được dùng cho hồ sơ khác');
    const items = Array.from(summaryOf(form).shadowRoot?.querySelectorAll('li') ?? [], (li) =>
      li.textContent?.trim(),
    );
    expect(items[0]).to.equal('Người nộp chưa xác thực tài khoản.');
    expect(items).to.include('Số điện thoại này đã được dùng cho hồ sơ khác.');
    await typeInto(control(form, 'phone'), 'input', '0987654321');
    await until(() => partText(control(form, 'phone'), 'error') === null);
  });

  describe('in steps', () => {
    it('shows one section at a time with a step indicator, checking each before going on', async () => {
      const { form } = await render({ steps: true });
      const root = form.shadowRoot as ShadowRoot;
      expect(root.querySelector('.step-count')?.textContent?.trim()).to.equal('Bước 1/2');
      expect(root.querySelector('[aria-current="step"]')?.textContent?.trim()).to.equal(
        'Người nộp',
      );
      // The other step is in the page, hidden, so its fields keep their state.
      expect(control(form, 'agree').closest('section')?.hidden).to.equal(true);
      expect(submitButton(form).textContent?.trim()).to.equal('Tiếp tục');
      submitButton(form).click();
      await until(() => summaryLinks(form).length > 0);
      // Only this step's errors.
      expect(summaryLinks(form)).to.have.length(3);
      await expect(form).to.be.accessible();
      await fillValid(form);
      submitButton(form).click();
      await until(() => control(form, 'agree').closest('section')?.hidden === false);
      expect(control(form, 'fullName').closest('section')?.hidden).to.equal(true);
      expect(root.querySelector('.step-count')?.textContent?.trim()).to.equal('Bước 2/2');
      expect(root.activeElement?.textContent?.trim()).to.equal('Cam đoan');
      expect(summaryOf(form).hidden).to.equal(true);
      expect(submitButton(form).textContent?.trim()).to.equal('Gửi hồ sơ');
      (root.querySelector('[part="back"]') as HTMLButtonElement).click();
      await until(() => control(form, 'fullName').closest('section')?.hidden === false);
      expect(control(form, 'fullName').value).to.equal('  Nguyễn Văn An ');
      await expect(form).to.be.accessible();
    });

    it('submits from the last step', async () => {
      const { form } = await render({ steps: true });
      await fillValid(form);
      submitButton(form).click();
      await until(() => control(form, 'agree').closest('section')?.hidden === false);
      await tick(form, 'agree');
      const submitted = nextSubmit(form);
      submitButton(form).click();
      expect((await submitted).data.agree).to.equal(true);
    });
  });

  describe('drafts', () => {
    it('saves every change and restores it after a reload, with a notice', async () => {
      const { form, def } = await render();
      await typeInto(control(form, 'fullName'), 'input', 'Trần Thị Bình');
      await until(() => false, 300).catch(() => undefined);
      const saved = await loadDraft(draftKey(def.id));
      expect(saved?.data.fullName).to.equal('Trần Thị Bình');

      const again = await fixture<EgovDossierForm>(
        html`<egov-dossier-form .definition=${def}></egov-dossier-form>`,
      );
      await until(() => control(again, 'fullName')?.value === 'Trần Thị Bình');
      await again.updateComplete;
      expect(partText(again, 'notice')).to.contain('Đã khôi phục bản nháp lưu lúc');
      await expect(again).to.be.accessible();
    });

    it('discards the draft on request', async () => {
      const { form, def } = await render();
      await typeInto(control(form, 'fullName'), 'input', 'Lê Văn Cường');
      await until(() => false, 300).catch(() => undefined);
      const again = await fixture<EgovDossierForm>(
        html`<egov-dossier-form .definition=${def}></egov-dossier-form>`,
      );
      await until(() => control(again, 'fullName')?.value === 'Lê Văn Cường');
      await again.updateComplete;
      (
        (again.shadowRoot as ShadowRoot).querySelector(
          '[part="notice"] button',
        ) as HTMLButtonElement
      ).click();
      await until(() => control(again, 'fullName').value === '');
      await until(() => partText(again, 'notice') === 'Đã bỏ bản nháp.');
      expect(await loadDraft(draftKey(def.id))).to.equal(undefined);
    });

    it('forgets the draft once the submit is handed over', async () => {
      const { form, def } = await render();
      await fillValid(form);
      await tick(form, 'agree');
      await until(() => false, 300).catch(() => undefined);
      expect(await loadDraft(draftKey(def.id))).to.not.equal(undefined);
      const submitted = nextSubmit(form);
      submitButton(form).click();
      await submitted;
      await until(() => false, 300).catch(() => undefined);
      expect(await loadDraft(draftKey(def.id))).to.equal(undefined);
    });

    it('keeps the draft when the sending fails, and maps the problem’s field errors', async () => {
      const { form, def } = await render();
      await fillValid(form);
      await tick(form, 'agree');
      let fail: (reason: unknown) => void = () => undefined;
      form.addEventListener('egov-submit', (event) =>
        event.detail.waitFor(
          new Promise((_, reject) => {
            fail = reject;
          }),
        ),
      );
      submitButton(form).click();
      await until(() => submitButton(form).disabled);
      expect(submitButton(form).textContent?.trim()).to.equal('Đang gửi…');
      fail({
        status: 422,
        errors: [{ path: 'fullName', message: 'Họ tên không khớp với CSDL dân cư.' }],
      });
      await until(() => !submitButton(form).disabled);
      await until(() => partText(control(form, 'fullName'), 'error') !== null);
      expect(partText(control(form, 'fullName'), 'error')).to.contain('không khớp');
      expect(await loadDraft(draftKey(def.id))).to.not.equal(undefined);
    });

    it('saves nothing with no-draft', async () => {
      const { form, def } = await render({ noDraft: true });
      await typeInto(control(form, 'fullName'), 'input', 'Không lưu');
      await until(() => false, 300).catch(() => undefined);
      expect(await loadDraft(draftKey(def.id))).to.equal(undefined);
    });
  });
});
