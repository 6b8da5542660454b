/**
 * One dossier at the officer's desk: the actions the status machine allows now (its own
 * `availableActions`, served from the schema package), the tracker, the applicant, the answers
 * and the documents. Each action confirms what it needs (a reason, the documents to ask for,
 * the agency, the signed result), shows that it is busy, says what went wrong in words, and
 * reloads the dossier after.
 */
import { ACTIONS } from '/schema/status/actions.js';
import { availableActions } from '/schema/status/transition.js';
import { listProvinces, loadCommunes } from '/schema/units/lazy.js';
import { clientFor, describeError } from './api.js';
import { demoSigner } from './demo-signer.js';
import { h, param, replace } from './dom.js';
import { statusText } from './dossiers.js';
import { formatDate, formatSize, t } from './i18n.js';
import { requireSignIn, setupPage } from './layout.js';
import { feeDialog, paymentsSection } from './officer-payment.js';
import { checkPdfSignatures } from './signature-check.js';

const strings = {
  title: { vi: 'Xử lý hồ sơ', en: 'Handle a dossier' },
  titleWith: (code) => ({ vi: `Xử lý hồ sơ ${code}`, en: `Handle dossier ${code}` }),
  back: { vi: '← Hồ sơ cần xử lý', en: '← Dossiers to handle' },
  loading: { vi: 'Đang tải hồ sơ…', en: 'Loading the dossier…' },
  noId: {
    vi: 'Địa chỉ trang thiếu mã hồ sơ. Chọn hồ sơ trong danh sách.',
    en: 'The page address has no dossier id. Choose a dossier from the list.',
  },
  retry: { vi: 'Thử lại', en: 'Try again' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  noActions: {
    vi: 'Không còn thao tác nào ở trạng thái này.',
    en: 'No action is possible in this status.',
  },
  progress: { vi: 'Tiến trình', en: 'Progress' },
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  answers: { vi: 'Nội dung tờ khai', en: 'Form answers' },
  documents: { vi: 'Giấy tờ', en: 'Documents' },
  results: { vi: 'Văn bản kết quả', en: 'Result documents' },
  noDocuments: { vi: 'Chưa có giấy tờ nào.', en: 'No documents yet.' },
  file: (n) => ({ vi: `Tải tệp ${n}`, en: `Download file ${n}` }),
  downloading: { vi: 'Đang tải…', en: 'Downloading…' },
  checkSignatures: (n) => ({
    vi: `Kiểm tra chữ ký số của tệp ${n}`,
    en: `Check the signatures of file ${n}`,
  }),
  checking: { vi: 'Đang kiểm tra chữ ký số…', en: 'Checking the signatures…' },
  checkTitle: (name) => ({
    vi: `Kết quả kiểm tra chữ ký số: ${name}`,
    en: `Signature check: ${name}`,
  }),
  noTrustedRoots: {
    vi: 'Máy chủ không cung cấp danh sách tổ chức chứng thực tin cậy, nên không chữ ký nào được coi là hợp lệ.',
    en: 'The server gives no trusted certification authorities, so no signature can be found valid.',
  },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  orgName: { vi: 'Tên tổ chức', en: 'Organisation' },
  idNumber: { vi: 'Số giấy tờ tùy thân', en: 'ID number' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  noApplicant: { vi: 'Chưa có thông tin người nộp.', en: 'No applicant details.' },
  unknownUnit: (code) => ({ vi: `đơn vị mã ${code}`, en: `unit with code ${code}` }),
  files: (n) => ({ vi: `${n} tệp (xem mục Giấy tờ)`, en: `${n} file(s) (see Documents)` }),
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  working: { vi: 'Đang thực hiện…', en: 'Working…' },
  done: (label) => ({ vi: `Đã thực hiện: ${label.vi}.`, en: `Done: ${label.en}.` }),
  note: { vi: 'Ghi chú cho người nộp', en: 'Note for the applicant' },
  reason: { vi: 'Lý do (người nộp sẽ đọc)', en: 'Reason (the applicant reads it)' },
  noteRequired: { vi: 'Nhập nội dung này.', en: 'Enter this.' },
  supplementNote: {
    vi: 'Nêu rõ giấy tờ cần bổ sung và lý do',
    en: 'Say which documents are needed and why',
  },
  checklist: { vi: 'Giấy tờ cần bổ sung', en: 'Documents to ask for' },
  checklistHint: {
    vi: 'Giấy tờ chưa có trong hồ sơ được đánh dấu "chưa nộp".',
    en: 'Documents not yet in the dossier are marked "not supplied".',
  },
  notSupplied: { vi: '(chưa nộp)', en: '(not supplied)' },
  pickOne: { vi: 'Chọn ít nhất một giấy tờ.', en: 'Choose at least one document.' },
  agency: { vi: 'Chuyển đến cơ quan', en: 'Transfer to agency' },
  sameAgency: { vi: '— Giữ cơ quan hiện tại —', en: '— Keep the current agency —' },
  step: { vi: 'Bước xử lý (không bắt buộc)', en: 'Processing step (optional)' },
  pickTarget: {
    vi: 'Chọn cơ quan hoặc nhập bước xử lý.',
    en: 'Choose an agency or enter a step.',
  },
  newDue: { vi: 'Ngày hẹn trả kết quả mới', en: 'New result date' },
  newDueLater: {
    vi: 'Chọn một ngày sau ngày hẹn hiện tại.',
    en: 'Choose a date after the current result date.',
  },
  decision: { vi: 'Kết quả giải quyết', en: 'Decision' },
  approved: { vi: 'Chấp thuận (cấp kết quả)', en: 'Approved (result issued)' },
  refused: { vi: 'Từ chối (văn bản nêu lý do)', en: 'Refused (a letter with the reasons)' },
  resultFile: { vi: 'Văn bản kết quả (PDF)', en: 'Result document (PDF)' },
  resultHint: {
    vi: 'Chọn tệp PDF, ký số bằng chứng thư số của cán bộ (demo), rồi ghi kết quả.',
    en: "Choose a PDF, sign it with the officer's (demo) certificate, then record the result.",
  },
  notPdf: { vi: 'Chọn một tệp PDF.', en: 'Choose a PDF file.' },
  signFirst: {
    vi: 'Ký số văn bản kết quả trước khi ghi kết quả.',
    en: 'Sign the result document before recording the result.',
  },
  signerLoading: { vi: 'Đang chuẩn bị chứng thư số…', en: 'Preparing the certificate…' },
  confirmReject: { vi: 'Từ chối tiếp nhận', en: 'Refuse the dossier' },
  confirmStop: { vi: 'Tạm dừng giải quyết', en: 'Suspend processing' },
  destructive: {
    vi: 'Thao tác này không hoàn tác được. Người nộp sẽ nhận thông báo.',
    en: 'This cannot be undone. The applicant is notified.',
  },
};

/** Actions this desk offers. */
const SUPPORTED = [
  'receive',
  'start_processing',
  'request_supplement',
  'request_payment',
  'transfer',
  'stop',
  'resume',
  'confirm_payment',
  'resolve',
  'return_result',
  'apologise',
  'reject',
];
const DESTRUCTIVE = new Set(['reject', 'stop']);
const WITH_DIALOG = new Set([
  'request_supplement',
  'request_payment',
  'transfer',
  'stop',
  'resolve',
  'apologise',
  'reject',
]);

const id = param('id');
const client = clientFor('officer');
const content = document.getElementById('content');
const statusLine = document.getElementById('status-line');
let view = { kind: 'loading' };
let lastDone = null;
const tracker = h('egov-dossier-tracker', {
  'heading-level': '3',
  'show-national-code': true,
  // The desk's words: "Công dân đã nộp hồ sơ", not the citizen's "Bạn đã nộp hồ sơ".
  audience: 'officer',
  client,
});

async function load() {
  if (view.kind !== 'ready') view = { kind: 'loading' };
  render();
  try {
    const dossier = await client.dossiers.get(id);
    const [procedure, form, agencies] = await Promise.all([
      view.procedure ?? client.procedures.get(dossier.procedureCode),
      view.form ??
        client.procedures
          .getForm(dossier.procedureCode, { case: dossier.caseCode })
          .catch(() => null),
      view.agencies ??
        client.agencies.list().then(
          (list) => list.items,
          () => [],
        ),
    ]);
    const payments = await client.payments.list(id).then(
      (list) => list.items,
      () => null,
    );
    view = { kind: 'ready', dossier, procedure, form, agencies, payments, busy: null };
    tracker.procedure = procedure;
    if (tracker.dossierId !== id) tracker.dossierId = id;
    else await tracker.refresh();
  } catch (error) {
    view = { kind: 'error', message: describeError(error) };
  }
  render();
}

function caseOf() {
  return (
    view.procedure.cases.find((c) => c.code === view.dossier.caseCode) ?? view.procedure.cases[0]
  );
}

function documentName(code) {
  if (code === 'result') return t(strings.results);
  return caseOf()?.documents.find((d) => d.code === code)?.name ?? code;
}

// ---- rendering

function render() {
  const title = document.getElementById('page-title');
  if (view.kind === 'ready' && view.dossier.code)
    title.textContent = t(strings.titleWith(view.dossier.code));
  statusLine.textContent = lastDone ? t(lastDone) : '';
  if (view.kind === 'signing-in') return;
  if (view.kind === 'loading') {
    replace(content, h('p', {}, t(strings.loading)));
    return;
  }
  if (view.kind === 'error') {
    replace(
      content,
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('p', {}, view.message),
        h('button', { type: 'button', class: 'button', onclick: load }, t(strings.retry)),
      ),
    );
    return;
  }
  replace(
    content,
    renderActions(),
    paymentsSection({ dossier: view.dossier, payments: view.payments, client }),
    h(
      'section',
      { 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title' }, t(strings.progress)),
      h('div', { class: 'element-panel' }, tracker),
    ),
    renderApplicant(),
    renderAnswers(),
    renderDocuments(),
  );
}

function renderActions() {
  const actions = availableActions(view.dossier, 'officer').filter((a) => SUPPORTED.includes(a));
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, t(strings.actions)),
    h('p', {}, statusText(view.dossier.status)),
    actions.length
      ? h(
          'div',
          { class: 'actions' },
          actions.map((action) => {
            const busy = view.busy === action;
            return h(
              'button',
              {
                type: 'button',
                class: DESTRUCTIVE.has(action)
                  ? 'danger'
                  : action === actions[0]
                    ? 'button'
                    : 'secondary',
                disabled: view.busy !== null,
                'aria-busy': busy ? 'true' : 'false',
                'aria-haspopup': WITH_DIALOG.has(action) ? 'dialog' : null,
                onclick: () => start(action),
              },
              busy ? t(strings.working) : t(ACTIONS[action].label),
            );
          }),
        )
      : h('p', {}, t(strings.noActions)),
    view.actionError ? h('p', { class: 'error', role: 'alert' }, view.actionError) : null,
  );
}

function renderApplicant() {
  const a = view.dossier.applicant;
  const rows = [];
  if (a?.kind === 'organisation') {
    rows.push([strings.orgName, a.name], [strings.fullName, a.representative.fullName]);
  } else if (a) {
    rows.push([strings.fullName, a.fullName], [strings.idNumber, a.idNumber]);
  }
  if (a) {
    rows.push([strings.phone, a.phone]);
    if (a.email) rows.push([strings.email, a.email]);
    rows.push([strings.address, addressText(a.address)]);
  }
  return h(
    'section',
    { 'aria-labelledby': 'applicant-title' },
    h('h2', { id: 'applicant-title' }, t(strings.applicant)),
    rows.length
      ? facts(rows.map(([label, value]) => [t(label), value]))
      : h('p', {}, t(strings.noApplicant)),
  );
}

/** Communes by province code, as the schema's units look-up loads them (one module each). */
const communesOf = new Map();

/**
 * An address as people write it — "12 Lê Duẩn, Phường Hải Châu, Thành phố Đà Nẵng" — with the
 * names of the 2025 units rather than their codes. The province's communes are fetched once;
 * until they arrive the page shows the street and the province and draws again after.
 * Vietnamese names, so marked `lang="vi"` on an English page.
 */
function addressText(address) {
  const { provinceCode } = address;
  const province = listProvinces().find((unit) => unit.code === provinceCode);
  if (province && !communesOf.has(provinceCode)) {
    communesOf.set(provinceCode, null);
    loadCommunes(provinceCode)
      .then((communes) => {
        communesOf.set(provinceCode, communes);
        // In place, not a redraw: an officer may be typing a reason meanwhile.
        for (const span of document.querySelectorAll('span[data-address]'))
          span.textContent = addressWords(JSON.parse(span.dataset.address));
      })
      .catch(() => communesOf.delete(provinceCode));
  }
  return h('span', { lang: 'vi', 'data-address': JSON.stringify(address) }, addressWords(address));
}

function addressWords({ street, communeCode, provinceCode }) {
  const province = listProvinces().find((unit) => unit.code === provinceCode);
  const communes = communesOf.get(provinceCode);
  const commune = communes?.find((unit) => unit.code === communeCode);
  return [
    street,
    commune ? commune.name : communes === null ? '…' : t(strings.unknownUnit(communeCode)),
    province ? province.name : t(strings.unknownUnit(provinceCode)),
  ]
    .filter(Boolean)
    .join(', ');
}

function facts(rows) {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );
}

function answerText(field, value) {
  if (value == null || value === '') return '—';
  if (field.type === 'file') return t(strings.files(Array.isArray(value) ? value.length : 1));
  if (field.options) {
    const labels = (Array.isArray(value) ? value : [value]).map(
      (v) => t(field.options.find((option) => option.value === v)?.label) || String(v),
    );
    return labels.join(', ');
  }
  if (typeof value === 'boolean') return t(value ? strings.yes : strings.no);
  if (typeof value === 'object' && 'street' in value) return addressText(value);
  if (field.type === 'date') return formatDate(`${value}T00:00:00+07:00`);
  return String(value);
}

function renderAnswers() {
  const form = view.form;
  const data = view.dossier.formData ?? {};
  const sections = form
    ? form.sections
        .map((section) => ({
          title: t(section.title),
          rows: section.fields
            .filter((field) => field.name in data)
            .map((field) => [t(field.label), answerText(field, data[field.name])]),
        }))
        .filter((section) => section.rows.length)
    : [
        {
          title: '',
          rows: Object.entries(data).map(([key, value]) => [key, JSON.stringify(value)]),
        },
      ];
  return h(
    'section',
    { 'aria-labelledby': 'answers-title' },
    h('h2', { id: 'answers-title' }, t(strings.answers)),
    sections.map((section) => [
      section.title ? h('h3', {}, section.title) : null,
      facts(section.rows),
    ]),
  );
}

function renderDocuments() {
  const groups = [...view.dossier.documents];
  const results = view.dossier.outcome?.resultAttachmentIds ?? [];
  if (results.length) groups.push({ requirementCode: 'result', attachmentIds: results });
  return h(
    'section',
    { 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, t(strings.documents)),
    groups.length
      ? h(
          'ul',
          {},
          groups.map((group) =>
            h(
              'li',
              {},
              h('strong', {}, documentName(group.requirementCode)),
              h(
                'ul',
                {},
                group.attachmentIds.map((attachmentId, index) =>
                  h(
                    'li',
                    { class: 'attachment' },
                    downloadButton(attachmentId, index + 1),
                    signatureCheck(attachmentId, index + 1),
                  ),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, t(strings.noDocuments)),
  );
}

/** Files need the officer's token: fetched through the client, then saved under their name. */
function downloadButton(attachmentId, n) {
  const button = h('button', { type: 'button', class: 'link-button' }, t(strings.file(n)));
  const problem = h('span', { role: 'alert' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t(strings.downloading);
    problem.textContent = '';
    try {
      const file = await client.attachments.download(attachmentId);
      const url = URL.createObjectURL(file);
      const link = h('a', { href: url, download: file.name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      button.textContent = `${t(strings.file(n))} — ${file.name} (${formatSize(file.size)})`;
    } catch (error) {
      button.textContent = t(strings.file(n));
      problem.textContent = ` ${describeError(error)}`;
      problem.className = 'error';
    } finally {
      button.disabled = false;
    }
  });
  return h('span', {}, button, problem);
}

/**
 * The signature checks made on this page, by attachment: a dossier's files do not change, so a
 * check survives the page's re-renders (after an action, a language switch).
 */
const checks = new Map();
let checkAreas = 0;

/**
 * "Check signatures": downloads the file (with the officer's token), runs `verifyPades` against
 * the trusted roots and shows `<egov-signature-report>` under it. A file that is not a PDF is
 * said to be so: the dossier names its files by id, so their type is known once downloaded.
 */
function signatureCheck(attachmentId, n) {
  // A counter, not the id alone: the same file may be listed under two documents.
  const areaId = `signature-check-${++checkAreas}`;
  const area = h('div', { class: 'signature-check', id: areaId });
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': areaId },
    t(strings.checkSignatures(n)),
  );
  const show = (check) => {
    button.setAttribute('aria-expanded', 'true');
    if (check.error) {
      replace(area, h('p', { class: 'error', role: 'alert' }, t(check.error)));
      return;
    }
    replace(
      area,
      check.trusted ? null : h('p', { class: 'error' }, t(strings.noTrustedRoots)),
      h('egov-signature-report', {
        'heading-level': '3',
        heading: t(strings.checkTitle(check.name)),
        result: check.result,
      }),
    );
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = t(strings.checking);
    replace(area, h('p', { role: 'status' }, t(strings.checking)));
    try {
      const file = await client.attachments.download(attachmentId);
      const { result, trusted } = await checkPdfSignatures(file);
      checks.set(attachmentId, { result, trusted, name: file.name });
    } catch (error) {
      checks.set(attachmentId, { error: error?.text ?? describeError(error) });
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = t(strings.checkSignatures(n));
    }
    show(checks.get(attachmentId));
  });
  const done = checks.get(attachmentId);
  if (done) show(done);
  return [button, area];
}

// ---- actions

function start(action) {
  view.actionError = null;
  if (!WITH_DIALOG.has(action)) {
    void act(action, { action });
    return;
  }
  const dialogs = {
    request_supplement: supplementDialog,
    request_payment: () =>
      feeDialog({ procedure: view.procedure, dossier: view.dossier, openDialog, field }),
    transfer: transferDialog,
    stop: () => noteDialog('stop', strings.note),
    reject: () => noteDialog('reject', strings.reason),
    apologise: apologiseDialog,
    resolve: resolveDialog,
  };
  dialogs[action]();
}

/** Takes the action; refreshes the dossier after. Errors go to `onError` or under the buttons. */
async function act(action, request, onError) {
  view.busy = action;
  render();
  try {
    await client.officer.act(id, request);
    lastDone = strings.done(ACTIONS[action].label);
    view.busy = null;
    await load();
    return true;
  } catch (error) {
    view.busy = null;
    if (onError) onError(describeError(error));
    else view.actionError = describeError(error);
    render();
    return false;
  }
}

/** A modal dialog for one action: its fields, a confirm button (busy while working), Cancel. */
function openDialog({ action, intro, fields, confirmText, validate, request }) {
  const label = ACTIONS[action].label;
  const problem = h('div', { role: 'alert' });
  const confirm = h(
    'button',
    { type: 'submit', class: DESTRUCTIVE.has(action) ? 'danger' : 'button' },
    t(confirmText ?? label),
  );
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'dialog-title' },
    h(
      'form',
      { method: 'dialog', novalidate: true },
      h('h2', { id: 'dialog-title' }, t(label)),
      intro ? h('p', {}, t(intro)) : null,
      DESTRUCTIVE.has(action) ? h('p', { class: 'error' }, t(strings.destructive)) : null,
      fields,
      problem,
      h(
        'div',
        { class: 'actions' },
        confirm,
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => dialog.close() },
          t(strings.cancel),
        ),
      ),
    ),
  );
  dialog.querySelector('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(problem);
    if (validate && !validate()) return;
    confirm.disabled = true;
    confirm.setAttribute('aria-busy', 'true');
    confirm.textContent = t(strings.working);
    try {
      const body = await request();
      const ok = await act(action, body, (message) =>
        replace(problem, h('p', { class: 'error' }, message)),
      );
      if (ok) dialog.close();
    } catch (error) {
      replace(problem, h('p', { class: 'error' }, describeError(error)));
    } finally {
      confirm.disabled = false;
      confirm.removeAttribute('aria-busy');
      confirm.textContent = t(confirmText ?? label);
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** A labelled control with its error line; `check(message)` shows or clears the error. */
function field({ id: fieldId, label, hint, control }) {
  const error = h('p', { class: 'field-error', id: `${fieldId}-error`, hidden: true });
  control.id = fieldId;
  if (hint) control.setAttribute('aria-describedby', `${fieldId}-hint`);
  const node = h(
    'div',
    { class: 'field' },
    h('label', { for: fieldId }, t(label)),
    hint ? h('span', { class: 'hint', id: `${fieldId}-hint` }, t(hint)) : null,
    error,
    control,
  );
  const check = (message) => {
    error.hidden = !message;
    error.textContent = message ? t(message) : '';
    if (message) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute(
        'aria-describedby',
        [hint ? `${fieldId}-hint` : '', `${fieldId}-error`].join(' ').trim(),
      );
    } else {
      control.removeAttribute('aria-invalid');
      if (hint) control.setAttribute('aria-describedby', `${fieldId}-hint`);
      else control.removeAttribute('aria-describedby');
    }
    return !message;
  };
  return { node, control, check };
}

function noteDialog(action, label) {
  const note = field({
    id: 'action-note',
    label,
    control: h('textarea', { rows: '4', required: true }),
  });
  openDialog({
    action,
    confirmText: action === 'reject' ? strings.confirmReject : strings.confirmStop,
    fields: note.node,
    validate: () => {
      const ok = note.check(note.control.value.trim() ? null : strings.noteRequired);
      if (!ok) note.control.focus();
      return ok;
    },
    request: () => ({ action, note: note.control.value.trim() }),
  });
}

function supplementDialog() {
  const supplied = new Set(
    view.dossier.documents.filter((d) => d.attachmentIds.length).map((d) => d.requirementCode),
  );
  const documents = [...(caseOf()?.documents ?? [])].sort(
    (a, b) => Number(supplied.has(a.code)) - Number(supplied.has(b.code)),
  );
  const boxes = documents.map((document) => ({
    code: document.code,
    input: h('input', { type: 'checkbox', id: `doc-${document.code}`, value: document.code }),
    document,
  }));
  const groupError = h('p', { class: 'field-error', id: 'checklist-error', hidden: true });
  const checklist = h(
    'fieldset',
    { class: 'field', 'aria-describedby': 'checklist-hint' },
    h('legend', {}, t(strings.checklist)),
    h('span', { class: 'hint', id: 'checklist-hint' }, t(strings.checklistHint)),
    groupError,
    boxes.map(({ input, document }) =>
      h(
        'div',
        { class: 'checkbox' },
        input,
        h(
          'label',
          { for: input.id },
          document.name,
          supplied.has(document.code) ? null : ` ${t(strings.notSupplied)}`,
        ),
      ),
    ),
  );
  const note = field({
    id: 'action-note',
    label: strings.supplementNote,
    control: h('textarea', { rows: '4', required: true }),
  });
  openDialog({
    action: 'request_supplement',
    fields: [checklist, note.node],
    validate: () => {
      const picked = boxes.some((box) => box.input.checked);
      groupError.hidden = picked;
      groupError.textContent = picked ? '' : t(strings.pickOne);
      const noted = note.check(note.control.value.trim() ? null : strings.noteRequired);
      if (!picked) boxes[0]?.input.focus();
      else if (!noted) note.control.focus();
      return picked && noted;
    },
    request: () => ({
      action: 'request_supplement',
      requestedDocuments: boxes.filter((box) => box.input.checked).map((box) => box.code),
      note: note.control.value.trim(),
    }),
  });
}

function transferDialog() {
  const others = view.agencies.filter((agency) => agency.code !== view.dossier.agencyCode);
  const agency = field({
    id: 'transfer-agency',
    label: strings.agency,
    control: h(
      'select',
      {},
      h('option', { value: '' }, t(strings.sameAgency)),
      others.map((item) => h('option', { value: item.code }, item.name)),
    ),
  });
  const step = field({
    id: 'transfer-step',
    label: strings.step,
    control: h('input', { type: 'text' }),
  });
  const note = field({
    id: 'action-note',
    label: strings.note,
    control: h('textarea', { rows: '3' }),
  });
  openDialog({
    action: 'transfer',
    fields: [agency.node, step.node, note.node],
    validate: () => {
      const ok = agency.check(
        agency.control.value || step.control.value.trim() ? null : strings.pickTarget,
      );
      if (!ok) agency.control.focus();
      return ok;
    },
    request: () => {
      const body = { action: 'transfer' };
      if (agency.control.value) body.agencyCode = agency.control.value;
      if (step.control.value.trim()) body.step = step.control.value.trim();
      if (note.control.value.trim()) body.note = note.control.value.trim();
      return body;
    },
  });
}

function apologiseDialog() {
  const current = view.dossier.dueAt ? new Date(view.dossier.dueAt) : new Date();
  const min = new Date(current.getTime() + 86_400_000).toISOString().slice(0, 10);
  const date = field({
    id: 'new-due',
    label: strings.newDue,
    control: h('input', { type: 'date', min }),
  });
  const note = field({
    id: 'action-note',
    label: strings.reason,
    control: h('textarea', { rows: '4' }),
  });
  openDialog({
    action: 'apologise',
    fields: [date.node, note.node],
    validate: () => {
      const later =
        date.control.value && `${date.control.value}T17:00:00+07:00` > view.dossier.dueAt;
      const okDate = date.check(later ? null : strings.newDueLater);
      const okNote = note.check(note.control.value.trim() ? null : strings.noteRequired);
      if (!okDate) date.control.focus();
      else if (!okNote) note.control.focus();
      return okDate && okNote;
    },
    request: () => ({
      action: 'apologise',
      newDueAt: `${date.control.value}T17:00:00+07:00`,
      note: note.control.value.trim(),
    }),
  });
}

/**
 * Resolve: the decision, and the result document signed by the officer (PAdES, with the demo
 * certificate) — uploaded under `result`, then named in the outcome.
 */
function resolveDialog() {
  let signed = null;
  let uploaded = null; // kept if the action fails, so that a retry does not upload twice
  const decision = h(
    'fieldset',
    { class: 'field' },
    h('legend', {}, t(strings.decision)),
    ['approved', 'refused'].map((value) =>
      h(
        'div',
        { class: 'checkbox' },
        h('input', {
          type: 'radio',
          name: 'decision',
          id: `decision-${value}`,
          value,
          checked: value === 'approved',
        }),
        h('label', { for: `decision-${value}` }, t(strings[value])),
      ),
    ),
  );
  const file = field({
    id: 'result-file',
    label: strings.resultFile,
    hint: strings.resultHint,
    control: h('input', { type: 'file', accept: 'application/pdf,.pdf' }),
  });
  const signature = h('egov-digital-signature', { format: 'pades' });
  const signerStatus = h('p', { class: 'status-line', role: 'status' });
  const note = field({
    id: 'action-note',
    label: strings.note,
    control: h('textarea', { rows: '3' }),
  });
  file.control.addEventListener('change', () => {
    const chosen = file.control.files?.[0] ?? null;
    signed = null;
    uploaded = null;
    if (chosen && !/\.pdf$/i.test(chosen.name) && chosen.type !== 'application/pdf') {
      file.check(strings.notPdf);
      signature.document = null;
      return;
    }
    file.check(null);
    signature.document = chosen;
  });
  signature.addEventListener('egov-signed', (event) => {
    signed = event.detail.file;
    uploaded = null;
  });
  signerStatus.textContent = t(strings.signerLoading);
  demoSigner('officer').then(
    ({ signer, trustedRoots }) => {
      signature.trustedRoots = trustedRoots;
      signature.signer = signer;
      signerStatus.textContent = '';
    },
    (error) => {
      signerStatus.textContent = t(error.text);
      signerStatus.className = 'error';
    },
  );
  openDialog({
    action: 'resolve',
    fields: [decision, file.node, signerStatus, signature, note.node],
    validate: () => {
      if (!file.control.files?.length) {
        file.check(strings.notPdf);
        file.control.focus();
        return false;
      }
      if (!signed) {
        file.check(strings.signFirst);
        signature.focus();
        return false;
      }
      return true;
    },
    request: async () => {
      uploaded ??= await client.attachments.upload(id, 'result', signed);
      const outcome = {
        decision: decision.querySelector('input:checked')?.value ?? 'approved',
        resultAttachmentIds: [uploaded.id],
      };
      if (note.control.value.trim()) outcome.note = note.control.value.trim();
      return { action: 'resolve', outcome, ...(outcome.note ? { note: outcome.note } : {}) };
    },
  });
}

// ---- start

setupPage({ title: strings.title, strings, current: '/officer/', role: 'officer', render });
if (!id) {
  view = { kind: 'error', message: t(strings.noId) };
  render();
} else {
  view = { kind: 'signing-in' };
  await requireSignIn('officer', content);
  view = { kind: 'loading' };
  await load();
}
