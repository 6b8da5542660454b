/**
 * The administrator's dead letters: notifications that failed every attempt
 * (`client.admin.notifications({ status: 'dead' })`), each with why, and a button that puts it
 * back in the outbox with the same id (`client.admin.replayNotification`). There is no demo
 * sign-in for administrators: the page asks for the administrator's token (printed by
 * `pnpm start`, or from the identity provider) and keeps it for this tab only.
 */

import { createClient } from '/client/index.js';
import { describeError } from './api.js';
import { h, replace } from './dom.js';
import { formatDate, locale, t } from './i18n.js';
import { setupPage } from './layout.js';

const strings = {
  title: { vi: 'Thông báo không gửi được', en: 'Undelivered notifications' },
  lead: {
    vi: 'Thư điện tử, tin nhắn và webhook đã thử gửi nhiều lần không thành công. Sửa nguyên nhân (máy chủ thư, hệ thống nhận) rồi gửi lại.',
    en: 'E-mails, text messages and webhooks that failed every attempt. Fix the cause (the mail server, the receiving system), then send them again.',
  },
  tokenLabel: { vi: 'Mã truy cập của quản trị viên', en: "Administrator's access token" },
  tokenHint: {
    vi: 'In ra khi chạy pnpm start (dòng admin), hoặc lấy từ hệ thống định danh. Chỉ giữ trong thẻ này.',
    en: 'Printed by pnpm start (the admin line), or from your identity provider. Kept in this tab only.',
  },
  use: { vi: 'Xem thông báo', en: 'Show notifications' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  none: { vi: 'Không có thông báo nào bị lỗi.', en: 'No notification has failed.' },
  caption: (n) => ({ vi: `${n} thông báo không gửi được`, en: `${n} undelivered notification(s)` }),
  created: { vi: 'Tạo lúc', en: 'Created' },
  kind: { vi: 'Loại', en: 'Kind' },
  channel: { vi: 'Kênh', en: 'Channel' },
  recipient: { vi: 'Người/hệ thống nhận', en: 'Recipient' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  attempts: { vi: 'Số lần thử', en: 'Attempts' },
  error: { vi: 'Lỗi lần cuối', en: 'Last error' },
  action: { vi: 'Thao tác', en: 'Action' },
  replay: { vi: 'Gửi lại', en: 'Send again' },
  replayLabel: (id) => ({ vi: `Gửi lại thông báo ${id}`, en: `Send notification ${id} again` }),
  replayed: (id) => ({
    vi: `Đã đưa thông báo ${id} trở lại hàng đợi gửi.`,
    en: `Notification ${id} is back in the outbox.`,
  }),
  more: { vi: 'Xem thêm', en: 'Show more' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  forget: { vi: 'Dùng mã khác', en: 'Use another token' },
};

const KEY = 'egov-admin-token';
const content = document.getElementById('content');
const announcer = h('p', { role: 'status', class: 'visually-hidden' });
let state = { kind: sessionStorage.getItem(KEY) ? 'loading' : 'token', items: [], next: null };
let client = sessionStorage.getItem(KEY) ? clientWith(sessionStorage.getItem(KEY)) : null;

function clientWith(token) {
  return createClient({ baseUrl: '/api/v1', locale, getToken: () => token });
}

async function load(cursor) {
  if (!cursor) state = { kind: 'loading', items: [], next: null };
  render();
  try {
    const page = await client.admin.notifications({ status: 'dead', limit: 50, cursor });
    state = { kind: 'ready', items: [...state.items, ...page.items], next: page.nextCursor };
  } catch (error) {
    state = { ...state, kind: 'error', message: describeError(error) };
  }
  render();
}

async function replay(notification, button) {
  button.disabled = true;
  try {
    await client.admin.replayNotification(notification.id);
    state.items = state.items.filter((item) => item.id !== notification.id);
    announcer.textContent = t(strings.replayed(notification.id));
    render();
    content.querySelector('h2, table caption')?.focus?.();
  } catch (error) {
    button.disabled = false;
    announcer.textContent = describeError(error);
  }
}

function tokenForm() {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'token-hint',
  });
  return h(
    'form',
    {
      class: 'panel',
      onsubmit: (event) => {
        event.preventDefault();
        const token = input.value.trim();
        if (!token) return input.focus();
        sessionStorage.setItem(KEY, token);
        client = clientWith(token);
        load();
      },
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'token' }, t(strings.tokenLabel)),
      h('p', { id: 'token-hint', class: 'hint' }, t(strings.tokenHint)),
      input,
    ),
    h('button', { type: 'submit', class: 'button' }, t(strings.use)),
  );
}

function render() {
  const parts = [announcer];
  if (state.kind === 'token') {
    replace(content, ...parts, tokenForm());
    return;
  }
  if (state.kind === 'loading' && !state.items.length) {
    parts.push(h('p', { role: 'status' }, t(strings.loading)));
  }
  if (state.kind === 'error') {
    parts.push(
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('p', {}, state.message),
        h('button', { type: 'button', class: 'button', onclick: () => load() }, t(strings.retry)),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            onclick: () => {
              sessionStorage.removeItem(KEY);
              state = { kind: 'token', items: [], next: null };
              render();
            },
          },
          t(strings.forget),
        ),
      ),
    );
  }
  if (state.kind === 'ready' && !state.items.length) parts.push(h('p', {}, t(strings.none)));
  if (state.items.length) {
    const columns = [
      'created',
      'kind',
      'channel',
      'recipient',
      'dossier',
      'attempts',
      'error',
      'action',
    ];
    parts.push(
      h(
        'table',
        { class: 'dossier-table' },
        h('caption', { tabindex: '-1' }, t(strings.caption(state.items.length))),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            columns.map((key) => h('th', { scope: 'col' }, t(strings[key]))),
          ),
        ),
        h(
          'tbody',
          {},
          state.items.map((n) => {
            const button = h(
              'button',
              { type: 'button', class: 'button', 'aria-label': t(strings.replayLabel(n.id)) },
              t(strings.replay),
            );
            button.addEventListener('click', () => replay(n, button));
            return h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row', 'data-label': t(strings.created) },
                formatDate(n.createdAt, { time: true }),
              ),
              h('td', { 'data-label': t(strings.kind) }, n.kind),
              h('td', { 'data-label': t(strings.channel) }, n.channel),
              h('td', { 'data-label': t(strings.recipient) }, n.recipient),
              h(
                'td',
                { 'data-label': t(strings.dossier) },
                n.dossierId
                  ? h(
                      'a',
                      { href: `/officer/dossier.html?id=${encodeURIComponent(n.dossierId)}` },
                      n.dossierCode ?? n.dossierId,
                    )
                  : '—',
              ),
              h('td', { 'data-label': t(strings.attempts) }, String(n.attempts)),
              h('td', { 'data-label': t(strings.error) }, n.lastError ?? '—'),
              h('td', { 'data-label': t(strings.action) }, button),
            );
          }),
        ),
      ),
    );
    if (state.next) {
      parts.push(
        h(
          'button',
          { type: 'button', class: 'button', onclick: () => load(state.next) },
          t(strings.more),
        ),
      );
    }
  }
  replace(content, ...parts);
}

setupPage({ title: strings.title, strings, render });
if (state.kind === 'loading') load();
else render();
