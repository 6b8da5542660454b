/**
 * The officer's inbox: their agency's dossiers (`client.officer.list()`), overdue first and then
 * by due date as the server orders them, filtered by status. Overdue is said in words, with
 * the working days — not by colour alone.
 */

import { DOSSIER_STATUSES } from '/schema/status/statuses.js';
import { clientFor, describeError } from './api.js';
import { h, param, replace } from './dom.js';
import { dueCell, dueFacts, procedureNames, statusText } from './dossiers.js';
import { formatDate, t } from './i18n.js';
import { requireSignIn, setupPage } from './layout.js';

const strings = {
  title: { vi: 'Hồ sơ cần xử lý', en: 'Dossiers to handle' },
  lead: {
    vi: 'Hồ sơ của cơ quan bạn: quá hạn lên đầu, sau đó theo hạn trả kết quả.',
    en: "Your agency's dossiers: overdue first, then by result date.",
  },
  filter: { vi: 'Trạng thái', en: 'Status' },
  all: { vi: 'Tất cả (trừ bản nháp)', en: 'All (drafts excepted)' },
  apply: { vi: 'Lọc', en: 'Filter' },
  loading: { vi: 'Đang tải hồ sơ…', en: 'Loading dossiers…' },
  none: { vi: 'Không có hồ sơ nào ở trạng thái này.', en: 'No dossier has this status.' },
  caption: (n) => ({ vi: `${n} hồ sơ`, en: `${n} dossier${n === 1 ? '' : 's'}` }),
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  status: { vi: 'Trạng thái', en: 'Status' },
  submitted: { vi: 'Ngày nộp', en: 'Submitted' },
  due: { vi: 'Hẹn trả kết quả', en: 'Result due' },
  notSet: { vi: 'chưa tiếp nhận', en: 'not received yet' },
  more: { vi: 'Xem thêm hồ sơ', en: 'Show more dossiers' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  statsLink: { vi: 'Thống kê của cơ quan', en: "Your agency's statistics" },
};

const client = clientFor('officer');
const names = procedureNames(client);
const procedureName = new Map();
const status = DOSSIER_STATUSES.includes(param('status')) ? param('status') : '';
const content = document.getElementById('content');
let inbox = { kind: 'loading', items: [], next: null };

async function load(cursor) {
  if (!cursor) inbox = { kind: 'loading', items: [], next: null };
  render();
  try {
    const page = await client.officer.list({ limit: 50, cursor, ...(status ? { status } : {}) });
    await Promise.all(
      page.items.map(async ({ procedureCode: code }) => {
        procedureName.set(code, (await names(code))?.name ?? code);
      }),
    );
    inbox = { kind: 'ready', items: [...inbox.items, ...page.items], next: page.nextCursor };
  } catch (error) {
    inbox = { ...inbox, kind: 'error', message: describeError(error) };
  }
  render();
}

function applicantName(dossier) {
  const applicant = dossier.applicant;
  if (!applicant) return '—';
  return applicant.kind === 'organisation' ? applicant.name : applicant.fullName;
}

function filterForm() {
  return h(
    'form',
    { class: 'filter-bar', method: 'get', action: '/officer/' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'status' }, t(strings.filter)),
      h(
        'select',
        { id: 'status', name: 'status' },
        h('option', { value: '', selected: status === '' }, t(strings.all)),
        DOSSIER_STATUSES.filter((value) => value !== 'draft').map((value) =>
          h('option', { value, selected: value === status }, statusText(value)),
        ),
      ),
    ),
    h('button', { type: 'submit', class: 'button' }, t(strings.apply)),
  );
}

function render() {
  if (inbox.kind === 'signing-in') return;
  const parts = [filterForm()];
  if (inbox.kind === 'loading' && !inbox.items.length) {
    parts.push(h('p', { role: 'status' }, t(strings.loading)));
  }
  if (inbox.kind === 'error') {
    parts.push(
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('p', {}, inbox.message),
        h('button', { type: 'button', class: 'button', onclick: () => load() }, t(strings.retry)),
      ),
    );
  }
  if (inbox.kind === 'ready' && !inbox.items.length) parts.push(h('p', {}, t(strings.none)));
  if (inbox.items.length) {
    parts.push(
      h(
        'table',
        { class: 'dossier-table' },
        h('caption', {}, t(strings.caption(inbox.items.length))),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['code', 'procedure', 'applicant', 'status', 'submitted', 'due'].map((key) =>
              h('th', { scope: 'col' }, t(strings[key])),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          inbox.items.map((dossier) => {
            const due = dueFacts(dossier);
            return h(
              'tr',
              { class: due.overdue ? 'is-overdue' : null },
              h(
                'th',
                { scope: 'row', 'data-label': t(strings.code) },
                h(
                  'a',
                  { href: `/officer/dossier.html?id=${encodeURIComponent(dossier.id)}` },
                  dossier.code ?? dossier.id,
                ),
              ),
              // Procedure titles and people's names are Vietnamese data: lang="vi" on the
              // English page (WCAG 3.1.2), as the elements mark them.
              h(
                'td',
                { 'data-label': t(strings.procedure) },
                h(
                  'span',
                  { lang: 'vi' },
                  procedureName.get(dossier.procedureCode) ?? dossier.procedureCode,
                ),
              ),
              h(
                'td',
                { 'data-label': t(strings.applicant) },
                h('span', { lang: 'vi' }, applicantName(dossier)),
              ),
              h('td', { 'data-label': t(strings.status) }, statusText(dossier.status)),
              h(
                'td',
                { 'data-label': t(strings.submitted) },
                dossier.submittedAt ? formatDate(dossier.submittedAt) : '—',
              ),
              h('td', { 'data-label': t(strings.due) }, dueCell(due, strings.notSet)),
            );
          }),
        ),
      ),
    );
    if (inbox.next) {
      parts.push(
        h(
          'p',
          {},
          h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => load(inbox.next) },
            t(strings.more),
          ),
        ),
      );
    }
  }
  replace(content, parts);
}

setupPage({ title: strings.title, strings, current: '/officer/', role: 'officer', render });
inbox.kind = 'signing-in';
await requireSignIn('officer', content);
await load();
