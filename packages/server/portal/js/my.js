/**
 * My dossiers: the signed-in citizen's dossiers with their status and due date; `?id=` shows
 * one in `<egov-dossier-tracker>`. When the agency asks for documents, the tracker's action
 * opens the supplement form: one upload per document asked for (sent to the dossier through
 * the client as they are chosen), then `client.dossiers.supplement()`.
 */
import { clientFor, describeError } from './api.js';
import { h, param, replace } from './dom.js';
import { dueCell, dueFacts, procedureNames, statusText } from './dossiers.js';
import { formatDate, t } from './i18n.js';
import { requireSignIn, setupPage } from './layout.js';

const strings = {
  title: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  oneTitle: { vi: 'Theo dõi hồ sơ', en: 'Follow a dossier' },
  back: { vi: '← Tất cả hồ sơ của tôi', en: '← All my dossiers' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  none: {
    vi: 'Bạn chưa có hồ sơ nào. Tìm thủ tục ở trang chủ để nộp hồ sơ.',
    en: 'You have no dossiers yet. Find a procedure on the home page to apply.',
  },
  caption: { vi: 'Hồ sơ của bạn, mới nhất trước', en: 'Your dossiers, newest first' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  status: { vi: 'Trạng thái', en: 'Status' },
  submitted: { vi: 'Ngày nộp', en: 'Submitted' },
  due: { vi: 'Hẹn trả kết quả', en: 'Result due' },
  notSet: { vi: 'chưa có', en: 'not set yet' },
  draft: { vi: 'Bản nháp', en: 'Draft' },
  continue: { vi: 'Tiếp tục soạn', en: 'Continue' },
  open: { vi: 'Xem', en: 'View' },
  more: { vi: 'Xem thêm hồ sơ', en: 'Show more dossiers' },
  deleteDraft: { vi: 'Xóa bản nháp', en: 'Delete draft' },
  deleteLabel: (procedure) => ({
    vi: `Xóa bản nháp: ${procedure}`,
    en: `Delete the draft: ${procedure}`,
  }),
  confirmDelete: (procedure) => ({
    vi: `Xóa bản nháp "${procedure}" cùng các tệp đã tải lên? Không khôi phục được.`,
    en: `Delete the draft "${procedure}" with its uploaded files? This cannot be undone.`,
  }),
  deleted: { vi: 'Đã xóa bản nháp.', en: 'Draft deleted.' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  supplementTitle: { vi: 'Bổ sung hồ sơ', en: 'Send the documents asked for' },
  supplementText: {
    vi: 'Chọn tệp cho từng giấy tờ cơ quan yêu cầu. Tệp được tải lên ngay khi chọn; bấm "Gửi bổ sung" khi xong.',
    en: 'Choose a file for each document the agency asked for. Files upload as soon as you choose them; press "Send documents" when done.',
  },
  note: { vi: 'Lời nhắn cho cơ quan (không bắt buộc)', en: 'A note for the agency (optional)' },
  send: { vi: 'Gửi bổ sung', en: 'Send documents' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  cancel: { vi: 'Để sau', en: 'Not now' },
  missingFile: {
    vi: 'Chọn ít nhất một tệp cho giấy tờ này.',
    en: 'Choose at least one file for this document.',
  },
  stillUploading: {
    vi: 'Chờ các tệp tải lên xong, hoặc xóa tệp bị lỗi, rồi gửi lại.',
    en: 'Wait for the files to finish uploading, or remove the failed ones, then send again.',
  },
  sent: {
    vi: 'Đã gửi giấy tờ bổ sung. Cơ quan tiếp tục giải quyết hồ sơ của bạn.',
    en: 'Documents sent. The agency goes on with your dossier.',
  },
};

const id = param('id');
const content = document.getElementById('content');
const client = clientFor('citizen');
const names = procedureNames(client);
const resolvedNames = new Map();

// ---- the list

let list = { kind: 'loading', items: [], next: null };
const listStatus = h('p', { class: 'status-line', role: 'status', tabindex: '-1' });

/**
 * Deletes a draft after the citizen confirms, with its current ETag (read again, so a draft
 * changed in another tab is deleted as it is now, after the question about it).
 */
async function deleteDraft(dossier, procedure) {
  if (!window.confirm(t(strings.confirmDelete(procedure)))) return;
  try {
    await client.dossiers.get(dossier.id);
    await client.dossiers.delete(dossier.id);
    list = { ...list, items: list.items.filter((item) => item.id !== dossier.id) };
    listStatus.textContent = t(strings.deleted);
    listStatus.className = 'status-line success';
  } catch (error) {
    listStatus.textContent = describeError(error);
    listStatus.className = 'status-line error';
  }
  renderList();
  listStatus.focus();
}

async function loadList(cursor) {
  if (!cursor) list = { kind: 'loading', items: [], next: null };
  renderList();
  try {
    const page = await client.dossiers.list({ limit: 20, cursor });
    await Promise.all(
      page.items.map(async ({ procedureCode: code }) => {
        resolvedNames.set(code, (await names(code))?.name ?? code);
      }),
    );
    list = { kind: 'ready', items: [...list.items, ...page.items], next: page.nextCursor };
  } catch (error) {
    list = { ...list, kind: 'error', message: describeError(error) };
  }
  renderList();
}

function renderList() {
  if (list.kind === 'loading' && !list.items.length) {
    replace(content, h('p', { role: 'status' }, t(strings.loading)));
    return;
  }
  const error =
    list.kind === 'error'
      ? h(
          'div',
          { class: 'error', role: 'alert' },
          h('p', {}, list.message),
          h(
            'button',
            { type: 'button', class: 'button', onclick: () => loadList() },
            t(strings.retry),
          ),
        )
      : null;
  if (!list.items.length) {
    replace(content, listStatus, error ?? h('p', {}, t(strings.none)));
    return;
  }
  const rows = list.items.map((dossier) => {
    const due = dueFacts(dossier);
    const href =
      dossier.status === 'draft'
        ? `/apply.html?code=${encodeURIComponent(dossier.procedureCode)}`
        : `/my.html?id=${encodeURIComponent(dossier.id)}`;
    const procedure = resolvedNames.get(dossier.procedureCode) ?? dossier.procedureCode;
    return h(
      'tr',
      { class: due.overdue ? 'is-overdue' : null },
      h(
        'th',
        { scope: 'row', 'data-label': t(strings.code) },
        h('a', { href }, dossier.code ?? t(strings.draft)),
      ),
      // A procedure's title is Vietnamese data: lang="vi" on the English page (WCAG 3.1.2).
      h('td', { 'data-label': t(strings.procedure) }, h('span', { lang: 'vi' }, procedure)),
      h(
        'td',
        { 'data-label': t(strings.status) },
        statusText(dossier.status),
        dossier.status === 'draft'
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary row-action',
                'aria-label': t(strings.deleteLabel(procedure)),
                onclick: () => deleteDraft(dossier, procedure),
              },
              t(strings.deleteDraft),
            )
          : null,
      ),
      h(
        'td',
        { 'data-label': t(strings.submitted) },
        dossier.submittedAt ? formatDate(dossier.submittedAt) : '—',
      ),
      h('td', { 'data-label': t(strings.due) }, dueCell(due, strings.notSet)),
    );
  });
  replace(
    content,
    listStatus,
    error,
    h(
      'table',
      { class: 'dossier-table' },
      h('caption', {}, t(strings.caption)),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['code', 'procedure', 'status', 'submitted', 'due'].map((key) =>
            h('th', { scope: 'col' }, t(strings[key])),
          ),
        ),
      ),
      h('tbody', {}, rows),
    ),
    list.next
      ? h(
          'p',
          {},
          h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => loadList(list.next) },
            t(strings.more),
          ),
        )
      : null,
  );
}

// ---- one dossier

let tracker;
let procedure = null;
let supplement = null; // { documents: [{ code, name }], problem, sending, sent }
const supplementBox = h('section', { class: 'panel', 'aria-labelledby': 'supplement-title' });
const sentStatus = h('p', { class: 'status-line', role: 'status' });

function showOne() {
  document.getElementById('back').hidden = false;
  tracker = h('egov-dossier-tracker', {
    'dossier-id': id,
    'heading-level': '2',
    client,
    // Paying has a page of its own (a gateway sends the citizen back to it).
    hrefs: { pay: `/pay.html?id=${encodeURIComponent(id)}` },
  });
  tracker.addEventListener('egov-tracker-action', (event) => {
    if (event.detail.action === 'rate') openSurvey();
    if (event.detail.action !== 'supplement') return;
    openSupplement(event.detail.requestedDocuments);
  });
  replace(content, sentStatus, h('div', { class: 'element-panel' }, tracker));
  survey = null;
  if (location.hash === '#rate') openSurvey();
  client.dossiers
    .get(id)
    .then((dossier) => names(dossier.procedureCode))
    .then((found) => {
      procedure = found;
      if (found) tracker.procedure = found;
    })
    .catch(() => undefined); // the tracker shows its own load error
}

let survey = null;

/**
 * The satisfaction survey, offered by the tracker's "rate" action once the result is returned
 * (and opened at once by a link ending in `#rate`, as a notice can carry): one per dossier,
 * editable until its deadline; anonymous to officers.
 */
function openSurvey() {
  if (!survey) {
    survey = h('egov-satisfaction-survey', { 'dossier-id': id, client, tabindex: '-1' });
    tracker.parentElement.after(h('div', { class: 'element-panel' }, survey));
  }
  survey.focus();
  survey.scrollIntoView({ block: 'start' });
}

function openSupplement(requested) {
  const documents = (requested.length ? requested : []).map((code) => ({
    code,
    name: documentName(code) ?? code,
  }));
  supplement = { documents, problem: null, sending: false };
  renderSupplement();
  tracker.after(supplementBox);
  supplementBox.querySelector('h2').focus();
}

function documentName(code) {
  for (const procedureCase of procedure?.cases ?? []) {
    const found = procedureCase.documents.find((document) => document.code === code);
    if (found) return found.name;
  }
  return undefined;
}

/** Uploads go to the dossier at once, under the document's code; the field keeps the ids. */
function uploaderFor(code) {
  return async (file, { onProgress, signal }) => {
    const attachment = await client.attachments.upload(id, code, file, { onProgress, signal });
    return { id: attachment.id };
  };
}

function renderSupplement() {
  if (!supplement) return;
  const uploads = supplement.uploads ?? new Map();
  supplement.uploads = uploads;
  const fields = supplement.documents.map((document) => {
    let upload = uploads.get(document.code);
    if (!upload) {
      upload = h('egov-file-upload', {
        name: `supplement-${document.code}`,
        multiple: true,
        required: true,
        uploader: uploaderFor(document.code),
      });
      uploads.set(document.code, upload);
    }
    upload.setAttribute('label', document.name);
    return upload;
  });
  const note = supplement.note ?? h('textarea', { id: 'supplement-note', rows: '3' });
  supplement.note = note;
  replace(
    supplementBox,
    h('h2', { id: 'supplement-title', tabindex: '-1' }, t(strings.supplementTitle)),
    h('p', {}, t(strings.supplementText)),
    fields,
    h('div', { class: 'field' }, h('label', { for: 'supplement-note' }, t(strings.note)), note),
    h(
      'div',
      { role: 'alert' },
      supplement.problem ? h('p', { class: 'error' }, supplement.problem) : null,
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          disabled: supplement.sending,
          'aria-busy': supplement.sending ? 'true' : 'false',
          onclick: sendSupplement,
        },
        t(supplement.sending ? strings.sending : strings.send),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: supplement.sending,
          onclick: () => {
            supplement = null;
            supplementBox.remove();
          },
        },
        t(strings.cancel),
      ),
    ),
  );
}

async function sendSupplement() {
  const documents = [];
  let firstInvalid = null;
  for (const [code, upload] of supplement.uploads) {
    const ids = (upload.value ?? []).filter((value) => typeof value === 'string');
    const busy = upload.value?.length !== ids.length || !upload.checkValidity();
    if (!ids.length || busy) {
      upload.error = t(ids.length ? strings.stillUploading : strings.missingFile);
      firstInvalid ??= upload;
    } else {
      documents.push({ requirementCode: code, attachmentIds: ids });
    }
  }
  if (firstInvalid) {
    firstInvalid.focus();
    return;
  }
  supplement.sending = true;
  supplement.problem = null;
  renderSupplement();
  try {
    const note = supplement.note.value.trim();
    await client.dossiers.supplement(id, { documents, ...(note ? { note } : {}) });
    supplement = null;
    supplementBox.remove();
    sentStatus.textContent = t(strings.sent);
    sentStatus.className = 'status-line success';
    await tracker.refresh();
    tracker.focus?.();
  } catch (error) {
    supplement.sending = false;
    supplement.problem = describeError(error);
    renderSupplement();
  }
}

function render() {
  document.getElementById('page-title').textContent = t(id ? strings.oneTitle : strings.title);
  if (id) {
    if (supplement) renderSupplement();
  } else if (list.kind !== 'signing-in') {
    renderList();
  }
}

setupPage({
  title: id ? strings.oneTitle : strings.title,
  strings,
  current: '/my.html',
  role: 'citizen',
  render,
});
render();
list.kind = 'signing-in';
await requireSignIn('citizen', content);
if (id) showOne();
else await loadList();
