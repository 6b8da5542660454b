/**
 * Apply online: sign in (demo), fill in the procedure's form with `<egov-dossier-form>` — which,
 * given the client and `procedure-code`, keeps a draft dossier on the server and uploads the
 * documents to it — sign, and submit.
 *
 * Signing has two parts: the applicant's signature under the declaration
 * (`<egov-signature-pad>`, required), kept with the dossier as a PNG "signature sheet" under the
 * procedure's declaration document; and, optionally, a digital signature (PAdES) of a PDF
 * uploaded in the form, with the demo citizen certificate (`<egov-digital-signature>`), added
 * beside the original.
 *
 * Both are attached by the client the page hands the form: it passes every call through to
 * `@egov-kit/client`, adds the applicant (read from the answers) to the draft, and just before
 * the submit uploads the signatures and names them in the dossier's documents. The form keeps
 * its Idempotency-Keys, so a submit retried after a lost answer is still done once.
 */
import { clientFor, describeError } from './api.js';
import { demoSigner } from './demo-signer.js';
import { h, param, replace } from './dom.js';
import { locale, t } from './i18n.js';
import { requireSignIn, setupPage } from './layout.js';

const strings = {
  title: { vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' },
  titleWith: (name) => ({ vi: `Nộp hồ sơ: ${name}`, en: `Apply: ${name}` }),
  back: { vi: '← Thông tin thủ tục', en: '← About this procedure' },
  stepSignIn: { vi: 'Đăng nhập', en: 'Sign in' },
  stepForm: { vi: 'Điền tờ khai, đính kèm giấy tờ', en: 'Fill in the form, attach documents' },
  stepSign: { vi: 'Ký', en: 'Sign' },
  stepSubmit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  steps: { vi: 'Các bước nộp hồ sơ', en: 'Steps to apply' },
  noCode: {
    vi: 'Địa chỉ trang thiếu mã thủ tục. Hãy chọn thủ tục ở trang chủ.',
    en: 'The page address has no procedure code. Choose the procedure on the home page.',
  },
  loading: { vi: 'Đang tải tờ khai…', en: 'Loading the form…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  notOnline: {
    vi: 'Thủ tục này không nộp trực tuyến được. Xem nơi nộp hồ sơ ở trang thông tin thủ tục.',
    en: 'This procedure cannot be applied for online. See where to apply on its page.',
  },
  formTitle: { vi: 'Tờ khai và giấy tờ', en: 'Form and documents' },
  formIntro: {
    vi: 'Câu trả lời được lưu tự động, trên máy này và vào bản nháp trên cổng; bạn có thể quay lại sau.',
    en: 'Your answers are saved as you go, on this device and as a draft on the portal; you can come back later.',
  },
  signTitle: { vi: 'Ký tờ khai', en: 'Sign the form' },
  signIntro: {
    vi: 'Ký bằng cách vẽ chữ ký, gõ họ tên, hoặc đánh dấu cam đoan — cách nào cũng có giá trị như nhau.',
    en: 'Sign by drawing, typing your full name, or ticking the declaration — each counts the same.',
  },
  padLabel: { vi: 'Chữ ký của người yêu cầu', en: "Applicant's signature" },
  padHint: {
    vi: 'Họ tên phải trùng với họ tên người yêu cầu trong tờ khai.',
    en: 'The name must match the applicant name in the form.',
  },
  declaration: {
    vi: 'Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật và chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.',
    en: 'I declare that the above is true and I take full legal responsibility for this declaration.',
  },
  digitalTitle: {
    vi: 'Ký số giấy tờ (không bắt buộc)',
    en: 'Digitally sign a document (optional)',
  },
  digitalIntro: {
    vi: 'Ký số một tệp PDF đã đính kèm bằng chứng thư số. Bản demo dùng chứng thư số mẫu của công dân demo; bản đã ký được nộp kèm bản gốc.',
    en: "Digitally sign an attached PDF with a certificate. The demo uses the demo citizen's sample certificate; the signed copy is submitted beside the original.",
  },
  noPdf: {
    vi: 'Chưa có tệp PDF nào được đính kèm trong tờ khai. Đính kèm một tệp PDF ở trên để ký số.',
    en: 'No PDF is attached in the form yet. Attach a PDF above to sign it.',
  },
  chooseDigital: { vi: 'Ký số tệp PDF', en: 'Sign a PDF digitally' },
  chooseDigitalNote: {
    vi: 'Trang sẽ tải thư viện ký số (khoảng 300 KB) khi bạn chọn.',
    en: 'The page loads the signing library (about 300 KB) when you choose this.',
  },
  pickPdf: { vi: 'Tệp PDF cần ký', en: 'PDF to sign' },
  signPdf: (name) => ({ vi: `Ký số: ${name}`, en: `Sign: ${name}` }),
  signerLoading: { vi: 'Đang chuẩn bị chứng thư số demo…', en: 'Preparing the demo certificate…' },
  signedNote: (name) => ({
    vi: `Đã ký số "${name}". Bản đã ký sẽ được nộp kèm hồ sơ.`,
    en: `"${name}" is signed. The signed copy goes with the dossier.`,
  }),
  submitTitle: { vi: 'Nộp hồ sơ', en: 'Submit' },
  submitIntro: {
    vi: 'Kiểm tra lại tờ khai. Sau khi nộp, bạn nhận giấy tiếp nhận có mã hồ sơ để tra cứu.',
    en: 'Check your answers. Once you submit, you get a receipt with the dossier code to track it.',
  },
  submit: { vi: 'Nộp hồ sơ', en: 'Submit the application' },
  signFirst: {
    vi: 'Hãy ký tờ khai ở mục "Ký tờ khai" trước khi nộp.',
    en: 'Sign the form under "Sign the form" before submitting.',
  },
  sheetTitle: { vi: 'TRANG KÝ TỜ KHAI', en: 'SIGNATURE SHEET' },
  sheetSigner: { vi: 'Người ký', en: 'Signed by' },
  sheetAt: { vi: 'Thời điểm ký', en: 'Signed at' },
  sheetMode: {
    draw: { vi: 'Chữ ký vẽ tay', en: 'Drawn signature' },
    type: { vi: 'Chữ ký bằng họ tên gõ', en: 'Typed name' },
    declaration: { vi: 'Xác nhận cam đoan', en: 'Declaration confirmed' },
  },
  signatureFailed: {
    vi: 'Không lưu được chữ ký vào hồ sơ. Kiểm tra mạng rồi bấm "Nộp hồ sơ" lại.',
    en: 'Could not save the signature with the dossier. Check your connection and press "Submit" again.',
  },
};

const code = param('code');
const content = document.getElementById('content');
const base = clientFor('citizen');

// ---- the client the form gets: the real one, plus the applicant and the signatures

/** The applicant, read from the answers of the authored forms (`requesterFullName`, …). */
function applicantFrom(data = {}) {
  for (const prefix of ['requester', 'applicant', 'owner', 'representative']) {
    const fullName = data[`${prefix}FullName`]?.trim?.();
    const idNumber = String(data[`${prefix}CitizenId`] ?? '').replace(/\s/g, '');
    const phone = data[`${prefix}Phone`]?.trim?.();
    const address =
      data[`${prefix}Address`] ??
      data[`${prefix}PermanentAddress`] ??
      data[`${prefix}CurrentAddress`];
    const email = data[`${prefix}Email`]?.trim?.();
    const addressComplete =
      /^\d{2}$/.test(address?.provinceCode ?? '') &&
      /^\d{5}$/.test(address?.communeCode ?? '') &&
      address?.street?.trim();
    if (fullName && idNumber && phone && addressComplete) {
      return {
        kind: 'individual',
        fullName,
        idType: idNumber.length === 9 ? 'legacy_id' : 'citizen_id',
        idNumber,
        phone,
        address: {
          provinceCode: address.provinceCode,
          communeCode: address.communeCode,
          street: address.street.trim(),
        },
        ...(email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { email } : {}),
      };
    }
  }
  return undefined;
}

/** `documents` with `extra` merged in, by requirement code. */
function mergeDocuments(documents = [], extra = []) {
  const merged = documents.map((d) => ({ ...d, attachmentIds: [...d.attachmentIds] }));
  for (const add of extra) {
    const same = merged.find((d) => d.requirementCode === add.requirementCode);
    if (!same) {
      merged.push({ ...add, attachmentIds: [...add.attachmentIds] });
      continue;
    }
    for (const id of add.attachmentIds) {
      if (!same.attachmentIds.includes(id)) same.attachmentIds.push(id);
    }
  }
  return merged;
}

const application = {
  /** Documents the page adds (signature sheet, signed PDF), once uploaded. */
  extra: [],
  /** Whether the draft on the server names all of `extra`. */
  extraSent: true,
  /** The form's last documents, to merge into. */
  formDocuments: [],
  /**
   * After the page changes the draft itself, the ETag the form holds is one version behind
   * through no conflict of the person's: this maps it to the new one.
   */
  newer: new Map(),
  fresh(etag) {
    let current = etag;
    while (current && this.newer.has(current)) current = this.newer.get(current);
    return current;
  },
};

function withApplicant(changes) {
  const applicant = applicantFrom(changes.formData);
  if (changes.formData?.requesterFullName && pad)
    pad.expectedName = changes.formData.requesterFullName;
  return applicant ? { ...changes, applicant } : changes;
}

const formClient = {
  dossiers: {
    create: (draft, options) => base.dossiers.create(withApplicant(draft), options),
    get: (id, options) => base.dossiers.get(id, options),
    update: (id, changes, options) => {
      if (changes.documents) application.formDocuments = changes.documents;
      const documents = mergeDocuments(
        changes.documents ?? application.formDocuments,
        application.extra,
      );
      return base.dossiers.update(
        id,
        { ...withApplicant(changes), documents },
        { ...options, ifMatch: application.fresh(options?.ifMatch) },
      );
    },
    submit: async (id, options) => {
      const ifMatch = await attachSignatures(id, application.fresh(options?.ifMatch));
      return base.dossiers.submit(id, { ...options, ifMatch });
    },
    etag: (id) => base.dossiers.etag(id),
  },
  attachments: base.attachments,
};

// ---- signatures

let pad = null;
let digital = null;
/** PDFs uploaded in the form: `{ file, id, requirementCode }`, the newest last. */
const pdfs = [];
let chosenPdf = null;
/** `{ file, requirementCode }` once the digital signature is made. */
let signedPdf = null;
const uploaded = { sheet: null, sheetFor: '', signed: null, signedFor: null };

/** The procedure's declaration document, where the signature sheet is kept. */
function declarationCode() {
  const documents = procedure?.cases?.[0]?.documents ?? [];
  return documents.find((d) => /declaration|to-khai|tokhai/i.test(d.code))?.code;
}

/** Uploads what is signed, and names it in the draft's documents; returns the ETag to submit on. */
async function attachSignatures(id, ifMatch) {
  const sheetCode = declarationCode();
  try {
    if (sheetCode && pad?.value && uploaded.sheetFor !== pad.value) {
      const sheet = await signatureSheet(JSON.parse(pad.value));
      uploaded.sheet = await base.attachments.upload(id, sheetCode, sheet, {
        fileName: 'chu-ky-to-khai.png',
      });
      uploaded.sheetFor = pad.value;
      application.extraSent = false;
    }
    if (signedPdf && uploaded.signedFor !== signedPdf) {
      uploaded.signed = await base.attachments.upload(
        id,
        signedPdf.requirementCode,
        signedPdf.file,
      );
      uploaded.signedFor = signedPdf;
      application.extraSent = false;
    }
  } catch (error) {
    // A lost connection is the form's to explain (and to retry); anything else is said here,
    // as a problem+json-shaped error the form lists in its error summary.
    if (error?.name === 'NetworkError' || error?.name === 'TimeoutError') throw error;
    throw Object.assign(new Error(t(strings.signatureFailed)), {
      status: 422,
      errors: [
        { path: 'signature', message: `${t(strings.signatureFailed)} (${describeError(error)})` },
      ],
      cause: error,
    });
  }
  application.extra = [
    uploaded.sheet && { requirementCode: sheetCode, attachmentIds: [uploaded.sheet.id] },
    uploaded.signed && {
      requirementCode: uploaded.signedFor.requirementCode,
      attachmentIds: [uploaded.signed.id],
    },
  ].filter(Boolean);
  if (application.extraSent || !application.extra.length) return ifMatch;
  await base.dossiers.update(
    id,
    { documents: mergeDocuments(application.formDocuments, application.extra) },
    { ifMatch },
  );
  application.extraSent = true;
  const now = base.dossiers.etag(id);
  if (ifMatch && now) application.newer.set(ifMatch, now);
  return now;
}

/**
 * The signature as a PNG sheet the agency can file and print: the declaration, the drawn
 * signature (or the typed name, or the ticked declaration), who signed and when.
 */
async function signatureSheet(value) {
  const canvas = document.createElement('canvas');
  canvas.width = 1200;
  canvas.height = 700;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#111';
  g.font = 'bold 34px system-ui, sans-serif';
  g.fillText(t(strings.sheetTitle), 60, 80);
  g.font = '26px system-ui, sans-serif';
  g.fillText(procedure?.name ?? code, 60, 125);
  let y = wrap(g, t(strings.declaration), 60, 190, 1080, 36);
  y += 30;
  if (value.mode === 'draw' && value.svg) {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(value.svg)}`;
    await image.decode();
    const scale = Math.min(700 / image.width, 220 / image.height, 2);
    g.drawImage(image, 60, y, image.width * scale, image.height * scale);
    y += image.height * scale + 20;
  } else if (value.mode === 'type' && value.name) {
    g.font = 'italic 56px "Segoe Script", "Brush Script MT", cursive';
    g.fillText(value.name, 60, y + 70);
    y += 110;
  } else {
    g.font = 'bold 30px system-ui, sans-serif';
    g.fillText(`☑ ${t(strings.sheetMode.declaration)}`, 60, y + 40);
    y += 80;
  }
  g.font = '24px system-ui, sans-serif';
  const at = new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(value.signedAt ?? Date.now()));
  const signer = value.name ?? pad?.expectedName ?? '';
  g.fillText(
    `${t(strings.sheetMode[value.mode] ?? strings.sheetMode.draw)} · ${t(strings.sheetSigner)}: ${signer}`,
    60,
    Math.min(y + 30, 640),
  );
  g.fillText(`${t(strings.sheetAt)}: ${at}`, 60, Math.min(y + 70, 680));
  return new Promise((resolve) =>
    canvas.toBlob(
      (blob) => resolve(new File([blob], 'chu-ky-to-khai.png', { type: 'image/png' })),
      'image/png',
    ),
  );
}

function wrap(g, text, x, y, width, lineHeight) {
  let line = '';
  let top = y;
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (g.measureText(next).width > width && line) {
      g.fillText(line, x, top);
      line = word;
      top += lineHeight;
    } else {
      line = next;
    }
  }
  g.fillText(line, x, top);
  return top + lineHeight;
}

// ---- the page

let procedure = null;
let definition = null;
let view = { kind: 'signing-in' };
let form = null;
let submitProblem = null;
const signerStatus = h('p', { class: 'status-line', role: 'status' });
const signedStatus = h('p', { class: 'status-line', role: 'status' });
let signerProblem = null;

function markStep(step) {
  for (const item of document.querySelectorAll('#steps li')) {
    item.toggleAttribute('aria-current', item.dataset.step === step);
    if (item.dataset.step === step) item.setAttribute('aria-current', 'step');
  }
}

async function load() {
  view = { kind: 'loading' };
  render();
  try {
    [procedure, definition] = await Promise.all([
      base.procedures.get(code),
      base.procedures.getForm(code),
    ]);
    view = procedure.onlineLevel === 'none' ? { kind: 'not-online' } : { kind: 'ready' };
  } catch (error) {
    view = { kind: 'error', message: describeError(error) };
  }
  render();
}

function buildForm() {
  form = h('egov-dossier-form', {
    'procedure-code': code,
    'user-key': 'citizen-demo',
    client: formClient,
    definition,
  });
  // The page's own Submit button comes after the signature, so the form's is not shown.
  form.classList.add('without-submit');
  form.addEventListener('egov-upload-complete', (event) => {
    const upload = event.composedPath()[0];
    const { file, id } = event.detail;
    if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) return;
    pdfs.push({ file, id, requirementCode: upload?.dataset?.documentCode ?? upload?.name });
    chosenPdf ??= pdfs[0];
    renderDigital();
  });
  form.addEventListener('egov-submitted', (event) => {
    location.assign(`/receipt.html?id=${encodeURIComponent(event.detail.dossier.id)}`);
  });
  form.addEventListener('focusin', () => markStep('form'));
}

function buildSigning() {
  pad = h('egov-signature-pad', { name: 'signature', required: true });
  pad.addEventListener('change', () => {
    submitProblem = null;
    renderSubmitProblem();
  });
}

/**
 * The digital signature, built when the citizen chooses it (issue #18: the signing library is
 * some 300 KB of a slow phone's first load, for a step most people skip). Focus goes to the
 * status line that says the certificate is being prepared.
 */
function chooseDigital() {
  digital = h('egov-digital-signature', { format: 'pades' });
  digital.addEventListener('egov-signed', (event) => {
    signedPdf = { file: event.detail.file, requirementCode: chosenPdf.requirementCode };
    signedStatus.textContent = t(strings.signedNote(chosenPdf.file.name));
    signedStatus.className = 'status-line success';
  });
  signerStatus.textContent = t(strings.signerLoading);
  signerStatus.tabIndex = -1;
  demoSigner('citizen').then(
    ({ signer, trustedRoots }) => {
      digital.trustedRoots = trustedRoots;
      digital.signer = signer;
      signerStatus.textContent = '';
    },
    (error) => {
      signerProblem = error.text;
      signerStatus.textContent = t(signerProblem);
      signerStatus.className = 'status-line error';
    },
  );
  renderDigital();
  signerStatus.focus();
}

const digitalBox = h('div');
function renderDigital() {
  if (!pdfs.length) {
    replace(digitalBox, h('p', { class: 'muted' }, t(strings.noPdf)));
    return;
  }
  if (!digital) {
    replace(
      digitalBox,
      h(
        'button',
        { type: 'button', class: 'button secondary', id: 'choose-digital', onclick: chooseDigital },
        t(strings.chooseDigital),
      ),
      h('p', { class: 'muted' }, t(strings.chooseDigitalNote)),
    );
    return;
  }
  if (digital.document !== chosenPdf.file) digital.document = chosenPdf.file;
  digital.heading = t(strings.signPdf(chosenPdf.file.name));
  const select =
    pdfs.length > 1
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'pdf-choice' }, t(strings.pickPdf)),
          h(
            'select',
            {
              id: 'pdf-choice',
              onchange: (event) => {
                chosenPdf = pdfs[Number(event.target.value)];
                signedPdf = null;
                signedStatus.textContent = '';
                renderDigital();
              },
            },
            pdfs.map((pdf, index) =>
              h('option', { value: String(index), selected: pdf === chosenPdf }, pdf.file.name),
            ),
          ),
        )
      : null;
  replace(digitalBox, select, signerStatus, digital, signedStatus);
}

const submitProblemBox = h('div', { role: 'alert' });
function renderSubmitProblem() {
  replace(submitProblemBox, submitProblem ? h('p', { class: 'error' }, t(submitProblem)) : null);
}

/**
 * Checks the answers and the signature together — every problem shows in one round: the form's
 * error summary (focused) and the signature's message — then lets the form submit.
 */
async function submit() {
  markStep('submit');
  submitProblem = null;
  renderSubmitProblem();
  const answersHold = await form.reportValidity();
  if (!pad.checkValidity()) {
    submitProblem = strings.signFirst;
    renderSubmitProblem();
    pad.reportValidity?.();
    // The form's summary has focus when answers are missing; else the signature takes it.
    if (answersHold) pad.focus();
    return;
  }
  if (!answersHold) return;
  // The form's Submit (a documented part) validates every answer, shows the error summary,
  // and submits the draft with its kept Idempotency-Key.
  form.shadowRoot?.querySelector('[part~="submit"]')?.click();
}

function render() {
  const title = document.getElementById('page-title');
  title.textContent = procedure ? t(strings.titleWith(procedure.name)) : t(strings.title);
  document.getElementById('steps').setAttribute('aria-label', t(strings.steps));
  if (view.kind === 'signing-in') return;
  if (view.kind === 'loading') {
    replace(content, h('p', { role: 'status' }, t(strings.loading)));
    return;
  }
  if (view.kind === 'error' || view.kind === 'not-online') {
    replace(
      content,
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('p', {}, view.kind === 'error' ? view.message : t(strings.notOnline)),
        view.kind === 'error'
          ? h('button', { type: 'button', class: 'button', onclick: load }, t(strings.retry))
          : null,
      ),
    );
    return;
  }
  if (!form) {
    buildForm();
    buildSigning();
  }
  pad.setAttribute('label', t(strings.padLabel));
  pad.setAttribute('hint', t(strings.padHint));
  pad.setAttribute('declaration', t(strings.declaration));
  if (signerProblem) signerStatus.textContent = t(signerProblem);
  if (signedPdf) signedStatus.textContent = t(strings.signedNote(chosenPdf.file.name));
  renderDigital();
  renderSubmitProblem();
  if (content.dataset.built) return;
  content.dataset.built = 'true';
  replace(
    content,
    h(
      'section',
      { 'aria-labelledby': 'form-title' },
      h('h2', { id: 'form-title', 'data-i18n': 'formTitle' }, t(strings.formTitle)),
      h('p', { 'data-i18n': 'formIntro' }, t(strings.formIntro)),
      h('div', { class: 'element-panel' }, form),
    ),
    h(
      'section',
      { 'aria-labelledby': 'sign-title', onfocusin: () => markStep('sign') },
      h('h2', { id: 'sign-title', 'data-i18n': 'signTitle' }, t(strings.signTitle)),
      h('p', { 'data-i18n': 'signIntro' }, t(strings.signIntro)),
      h('div', { class: 'element-panel' }, pad),
    ),
    h(
      'section',
      { 'aria-labelledby': 'digital-title', onfocusin: () => markStep('sign') },
      h('h2', { id: 'digital-title', 'data-i18n': 'digitalTitle' }, t(strings.digitalTitle)),
      h('p', { 'data-i18n': 'digitalIntro' }, t(strings.digitalIntro)),
      h('div', { class: 'element-panel' }, digitalBox),
    ),
    h(
      'section',
      { 'aria-labelledby': 'submit-title', class: 'panel' },
      h('h2', { id: 'submit-title', 'data-i18n': 'submitTitle' }, t(strings.submitTitle)),
      h('p', { 'data-i18n': 'submitIntro' }, t(strings.submitIntro)),
      submitProblemBox,
      h(
        'button',
        { type: 'button', class: 'button', id: 'submit', 'data-i18n': 'submit', onclick: submit },
        t(strings.submit),
      ),
    ),
  );
}

setupPage({ title: strings.title, strings, current: '/', render });
if (!code) {
  replace(content, h('p', { class: 'error', role: 'alert' }, t(strings.noCode)));
} else {
  const back = document.getElementById('back');
  back.href = `/procedure.html?code=${encodeURIComponent(code)}`;
  markStep('sign-in');
  render();
  await requireSignIn('citizen', content);
  markStep('form');
  await load();
}
