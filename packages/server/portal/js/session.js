/**
 * The demo sign-in. A real portal signs people in through VNeID or its own identity provider
 * and gets a token from there; this demo asks the reference server's `POST /demo/sign-in` for a
 * token of one of its seeded demo users. The token is kept in sessionStorage (gone when the
 * tab closes), one per role, so that one tab can play the citizen and the officer in turn.
 */

const key = (role) => `egov-portal-session-${role}`;

/** The signed-in demo user of `role` (`citizen` or `officer`): `{ token, user }`, or null. */
export function session(role) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key(role)) ?? 'null');
    return saved?.token && saved.user?.role === role ? saved : null;
  } catch {
    return null;
  }
}

/** Signs in as the demo user of `role`; rejects with a message for people when it cannot. */
export async function signIn(role) {
  let response;
  try {
    response = await fetch('/demo/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ role }),
    });
  } catch {
    throw new SignInError({
      vi: 'Không kết nối được máy chủ để đăng nhập. Kiểm tra mạng rồi thử lại.',
      en: 'Could not reach the server to sign in. Check your connection and try again.',
    });
  }
  if (response.status === 404) {
    throw new SignInError({
      vi: 'Máy chủ này đã tắt chế độ demo (EGOV_DEMO=off), nên không có đăng nhập demo.',
      en: 'This server has demo mode turned off (EGOV_DEMO=off), so there is no demo sign-in.',
    });
  }
  if (!response.ok) {
    throw new SignInError({
      vi: `Máy chủ từ chối đăng nhập demo (mã ${response.status}). Thử lại sau.`,
      en: `The server refused the demo sign-in (status ${response.status}). Try again later.`,
    });
  }
  const { token, user } = await response.json();
  const saved = { token, user };
  try {
    sessionStorage.setItem(key(role), JSON.stringify(saved));
  } catch {
    // Storage blocked: signed in for this page only.
  }
  return saved;
}

/** Forgets the demo user of `role`. */
export function signOut(role) {
  try {
    sessionStorage.removeItem(key(role));
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** A sign-in that failed, with its message in both languages (`text`). */
export class SignInError extends Error {
  name = 'SignInError';
  constructor(text) {
    super(text.vi);
    this.text = text;
  }
}
