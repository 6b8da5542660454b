/**
 * The API client the pages share: `@egov-kit/client`'s browser build, served by the reference
 * server at `/client/index.js`, configured for this origin. Its messages follow the page's
 * language (`locale` is asked on every call), and it takes the demo token of the page's role.
 */
import { createClient } from '/client/index.js';
import { locale, t } from './i18n.js';
import { session, signIn } from './session.js';

const clients = new Map();

/**
 * The client acting as the demo user of `role` (`citizen` or `officer`); `null` for public
 * calls only (procedures, lookup). When the server refuses an expired token, the demo signs in
 * again once — a real portal refreshes the token with its identity provider here.
 */
export function clientFor(role = null) {
  if (!clients.has(role)) {
    clients.set(
      role,
      createClient({
        baseUrl: '/api/v1',
        locale,
        getToken: role
          ? async ({ refresh }) =>
              refresh ? (await signIn(role).catch(() => null))?.token : session(role)?.token
          : undefined,
      }),
    );
  }
  return clients.get(role);
}

const FALLBACK = {
  vi: 'Đã có lỗi không mong muốn. Hãy tải lại trang rồi thử lại.',
  en: 'Something unexpected went wrong. Reload the page and try again.',
};

/**
 * What to tell a person about `error`, in the page's language: the server's own message for an
 * API error (it answers in the language asked), the client's for a network error or a time-out,
 * ours for our own errors, and a plain fallback — never a stack trace.
 */
export function describeError(error) {
  if (error?.localizedMessage) return t(error.localizedMessage);
  if (error?.text) return t(error.text);
  const known = [
    'ApiError',
    'ConflictError',
    'TimeoutError',
    'FileRejectedError',
    'ResponseValidationError',
  ];
  if (known.includes(error?.name) && error.message) return error.message;
  return t(FALLBACK);
}

/** Whether `error` is the server's 404 (a dossier or procedure that is not there, or not yours). */
export function isNotFound(error) {
  return error?.name === 'ApiError' && error.status === 404;
}
