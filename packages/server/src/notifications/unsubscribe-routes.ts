import { Hono } from 'hono';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/env.js';
import { escapeHtml } from './templates.js';
import { readUnsubscribeToken, unsubscribe, unsubscribeKey } from './unsubscribe.js';

/**
 * `/notifications/unsubscribe?token=…`, the link of every e-mail's `List-Unsubscribe`:
 *
 * - `POST` turns the person's e-mails off — what a mail client sends for one-click
 *   unsubscription (RFC 8058, body `List-Unsubscribe=One-Click`), and what the page's button
 *   sends;
 * - `GET` only shows that button: link scanners and previews fetch URLs in mail, and must not
 *   unsubscribe anyone by doing so.
 *
 * The token is signed (HMAC); a forged or altered one changes nothing and answers 400.
 */
export function unsubscribeRoutes(db: Database): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let key: Promise<Buffer> | undefined;
  const subjectOf = async (token: string | undefined) => {
    key ??= unsubscribeKey(db);
    return readUnsubscribeToken(await key, token);
  };
  app.get('/unsubscribe', async (c) => {
    const token = c.req.query('token');
    if (!(await subjectOf(token))) return c.html(page(INVALID), 400, NO_STORE);
    return c.html(
      page(
        `<h1>Hủy nhận thư thông báo</h1>
<p>Bạn sẽ không nhận thư điện tử về hồ sơ nữa; vẫn theo dõi được hồ sơ trên cổng. Có thể bật lại trong phần cài đặt thông báo.</p>
<p lang="en">Stop notification e-mails. You can still follow your dossiers on the portal, and turn e-mails back on in your notification settings.</p>
<form method="post" action="/notifications/unsubscribe?token=${escapeHtml(encodeURIComponent(token as string))}">
<button type="submit">Hủy nhận thư / Unsubscribe</button>
</form>`,
      ),
      200,
      NO_STORE,
    );
  });
  app.post('/unsubscribe', async (c) => {
    const subject = await subjectOf(c.req.query('token'));
    if (!subject) return c.html(page(INVALID), 400, NO_STORE);
    await unsubscribe(db, subject);
    return c.html(
      page(`<h1>Đã hủy nhận thư thông báo</h1>
<p>Bạn sẽ không nhận thư điện tử về hồ sơ nữa.</p>
<p lang="en">You will no longer receive notification e-mails.</p>`),
      200,
      NO_STORE,
    );
  });
  return app;
}

const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

const INVALID = `<h1>Liên kết không hợp lệ</h1>
<p>Liên kết hủy nhận thư không đúng hoặc đã bị sửa. Hãy dùng liên kết trong thư, hoặc tắt thư trong phần cài đặt thông báo.</p>
<p lang="en">This unsubscribe link is not valid. Use the link in the e-mail, or turn e-mails off in your notification settings.</p>`;

function page(body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thông báo hồ sơ / Dossier notifications</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/portal.css"></head>
<body><main id="main">${body}</main></body></html>`;
}
